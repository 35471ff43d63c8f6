import { type CatalogueParameters, type Education, type MaterialValidityParameters, type Message, message, type TalentCategory } from '@work-permit/catalogue';
import { addMonths, ageOn, daysBetween, earliest, type IsoDate, lastDayOfYears } from '@work-permit/workdays';
import { assertIsoDate } from './civil-date';
import { permitStart } from './permit-term.rules';
import type { RuleFinding, TalentClassification, TalentRoute, WorkPermitApplication, WorkPermitAssessment, WorkPermitFlag, WorkPermitRule } from './work-permit.model';

/** Material codes of the catalogue (`materials-2026-1.ts`). */
export const NO_CRIMINAL_RECORD = 'NO_CRIMINAL_RECORD';
export const HEALTH_CERTIFICATE = 'HEALTH_CERTIFICATE';

const MONTHS_PER_YEAR = 12;

const EDUCATION_ORDER: readonly Education[] = ['none', 'associate', 'bachelor', 'master', 'doctorate'];

const ROUTES: Record<Exclude<TalentCategory, 'C'>, readonly TalentRoute[]> = {
  A: ['talent_programme', 'salary_multiple', 'points'],
  B: ['degree_and_experience', 'salary_multiple', 'points'],
};

interface Certificate {
  rule: WorkPermitRule;
  code: string;
  validityMonths: keyof MaterialValidityParameters;
  /** Waived for an applicant who held a Chinese work permit within `priorPermitWaiverYears`. */
  waivedByPriorPermit: boolean;
}

// DOMAIN.md: a prior permit waives the degree and criminal-record certificates, never the health certificate.
const CERTIFICATES: readonly Certificate[] = [
  { rule: 'no_criminal_record_certificate', code: NO_CRIMINAL_RECORD, validityMonths: 'noCriminalRecordMonths', waivedByPriorPermit: true },
  { rule: 'health_certificate', code: HEALTH_CERTIFICATE, validityMonths: 'healthCertificateMonths', waivedByPriorPermit: false },
];

/**
 * The work permit rules on a case at the day of the decision: the applicant's age, the category's
 * conditions, the certificates and their validity, the passport and the contract. Every rule gives
 * a finding, failed or not, so the officer and the applicant see everything at once. `flags` name
 * what an officer must look at even when every rule passed (category C's quota, a declared waiver,
 * a contract already running when the application was filed).
 */
export function assessWorkPermit(
  application: WorkPermitApplication,
  classification: TalentClassification,
  parameters: CatalogueParameters,
  { today }: { today: IsoDate },
): WorkPermitAssessment {
  assertIsoDate(today, 'today');
  assertIsoDate(application.submittedOn, 'submittedOn');
  assertIsoDate(application.applicant.birthDate, 'applicant.birthDate');
  assertIsoDate(application.applicant.passportExpiry, 'applicant.passportExpiry');
  assertIsoDate(application.employment.contractStart, 'employment.contractStart');
  assertIsoDate(application.employment.contractEnd, 'employment.contractEnd');
  application.materials.forEach((material, index) => assertIsoDate(material.issuedAt, `materials[${index}].issuedAt`));
  if (application.priorPermit?.validTo !== undefined) assertIsoDate(application.priorPermit.validTo, 'priorPermit.validTo');

  const flags: WorkPermitFlag[] = [];
  const age = ageOn(application.applicant.birthDate, today);
  const findings: RuleFinding[] = [
    minimumAge(age, parameters, today),
    categoryRoute(application, classification, parameters),
    categoryAgeLimit(age, classification.category, parameters, today),
    ...CERTIFICATES.map((certificate) => certificateFinding(certificate, application, parameters, today, flags)),
    passportValidity(application, classification.category, parameters, today),
    contractTerm(application, parameters, today),
  ];
  if (classification.category === 'C') flags.push('category_c_quota');
  if (application.employment.contractStart < application.submittedOn) flags.push('contract_started_before_application');
  return { passed: findings.every((finding) => finding.passed), findings, flags };
}

function minimumAge(age: number, parameters: CatalogueParameters, today: IsoDate): RuleFinding {
  const { minimumAge } = parameters.talentClassification;
  return age >= minimumAge
    ? pass('minimum_age', message('applicant.minimum_age.met', { age, today, minimumAge }))
    : fail('minimum_age', message('applicant.minimum_age.unmet', { age, today, minimumAge }));
}

function categoryRoute(application: WorkPermitApplication, { category, points, route }: TalentClassification, parameters: CatalogueParameters): RuleFinding {
  if (category === 'C') {
    return pass('category_route', message('work_permit.route.quota'));
  }
  if (!ROUTES[category].includes(route)) {
    return fail('category_route', message('work_permit.route.unreachable', { category, route }));
  }
  const t = parameters.talentClassification;
  const thresholds = category === 'A' ? t.categoryA : t.categoryB;
  switch (route) {
    case 'talent_programme':
      return pass('category_route', message('work_permit.route.talent_programme', { category }));
    case 'points':
      return points >= thresholds.minimumPoints
        ? pass('category_route', message('work_permit.route.points_met', { category, points, minimumPoints: thresholds.minimumPoints }))
        : fail('category_route', message('work_permit.route.points_unmet', { category, points, minimumPoints: thresholds.minimumPoints }));
    case 'salary_multiple': {
      const multiple = thresholds.salaryMultipleOfLocalAverage;
      const needed = multiple * parameters.localAverageAnnualWageCny;
      const salary = application.employment.annualSalaryCny;
      return salary >= needed
        ? pass('category_route', message('work_permit.route.salary_met', { category, salary, multiple, needed }))
        : fail('category_route', message('work_permit.route.salary_unmet', { category, salary, multiple, needed }));
    }
    case 'degree_and_experience': {
      const { education, workExperienceYears } = application.applicant;
      const { minimumEducation, minimumExperienceYears } = t.categoryB;
      const degreeShort = EDUCATION_ORDER.indexOf(education) < EDUCATION_ORDER.indexOf(minimumEducation);
      const experienceShort = workExperienceYears < minimumExperienceYears;
      return !degreeShort && !experienceShort
        ? pass('category_route', message('work_permit.route.degree_met', { category, education, years: workExperienceYears }))
        : fail(
            'category_route',
            message('work_permit.route.degree_unmet', {
              category,
              education,
              minimumEducation,
              years: workExperienceYears,
              minimumYears: minimumExperienceYears,
              degreeShort,
              experienceShort,
            }),
          );
    }
    case 'other':
      return fail('category_route', message('work_permit.route.quota_only', { category }));
  }
}

function categoryAgeLimit(age: number, category: TalentCategory, parameters: CatalogueParameters, today: IsoDate): RuleFinding {
  switch (category) {
    case 'A':
      return pass('category_age_limit', message('work_permit.age_limit.none_a'));
    case 'B': {
      const { maximumAge } = parameters.talentClassification.categoryB;
      return age <= maximumAge
        ? pass('category_age_limit', message('work_permit.age_limit.within_b', { age, today, maximumAge }))
        : fail('category_age_limit', message('work_permit.age_limit.over_b', { age, today, maximumAge }));
    }
    case 'C':
      return pass('category_age_limit', message('work_permit.age_limit.none_c'));
  }
}

function certificateFinding(
  certificate: Certificate,
  application: WorkPermitApplication,
  parameters: CatalogueParameters,
  today: IsoDate,
  flags: WorkPermitFlag[],
): RuleFinding {
  const months = parameters.materialValidity[certificate.validityMonths];
  const issuedOnOrAfter = addMonths(today, -months);
  const issues = application.materials
    .filter((material) => material.code === certificate.code)
    .map((material) => material.issuedAt)
    .sort();
  const validIssue = issues.filter((issuedAt) => issuedAt >= issuedOnOrAfter && issuedAt <= today).pop();
  if (validIssue !== undefined) {
    return pass(certificate.rule, message('work_permit.certificate.valid', { certificate: certificate.code, issuedOn: validIssue, months }));
  }

  const years = parameters.workPermit.priorPermitWaiverYears;
  if (certificate.waivedByPriorPermit) {
    const waiver = priorPermitWaiver(application, parameters, today);
    if (waiver === 'confirmed') {
      return pass(certificate.rule, message('work_permit.certificate.waived', { certificate: certificate.code, years }));
    }
    if (waiver === 'declared') {
      flags.push('prior_permit_unverified');
      return pass(certificate.rule, message('work_permit.certificate.waiver_declared', { certificate: certificate.code, years }));
    }
  }

  const prior = application.priorPermit;
  const note: Message | undefined =
    certificate.waivedByPriorPermit && prior?.validTo !== undefined ? message('work_permit.certificate.not_waived', { validTo: prior.validTo, years }) : undefined;
  const failed = (reason: Message): RuleFinding => ({ ...fail(certificate.rule, reason), material: certificate.code });
  const latestIssue = issues.pop();
  if (latestIssue === undefined) return failed(message('work_permit.certificate.missing', { certificate: certificate.code, note }));
  if (latestIssue > today) return failed(message('work_permit.certificate.future', { certificate: certificate.code, issuedOn: latestIssue, today, note }));
  return failed(message('work_permit.certificate.too_old', { certificate: certificate.code, issuedOn: latestIssue, months, earliest: issuedOnOrAfter, note }));
}

function priorPermitWaiver(application: WorkPermitApplication, parameters: CatalogueParameters, today: IsoDate): 'confirmed' | 'declared' | 'none' {
  const prior = application.priorPermit;
  if (!prior || prior.permitNo.trim() === '') return 'none';
  if (prior.validTo === undefined) return 'declared';
  const heldSince = addMonths(today, -parameters.workPermit.priorPermitWaiverYears * MONTHS_PER_YEAR);
  return prior.validTo >= heldSince ? 'confirmed' : 'none';
}

function passportValidity(application: WorkPermitApplication, category: TalentCategory, parameters: CatalogueParameters, today: IsoDate): RuleFinding {
  const { passportExpiry } = application.applicant;
  const { contractStart, contractEnd } = application.employment;
  const validFrom = permitStart(contractStart, today);
  if (passportExpiry < validFrom) {
    return fail('passport_validity', message('work_permit.passport.expires_before_start', { passportExpiry, validFrom }));
  }
  const termEnd = earliest(contractEnd, lastDayOfYears(validFrom, parameters.workPermit.termCapYears[category]));
  return passportExpiry >= termEnd
    ? pass('passport_validity', message('work_permit.passport.beyond_term', { passportExpiry }))
    : pass('passport_validity', message('work_permit.passport.ends_term', { passportExpiry }));
}

function contractTerm(application: WorkPermitApplication, parameters: CatalogueParameters, today: IsoDate): RuleFinding {
  const { contractStart, contractEnd } = application.employment;
  if (contractEnd <= contractStart) {
    return fail('contract_term', message('work_permit.contract.ends_before_start', { contractStart, contractEnd }));
  }
  if (contractEnd < today) {
    return fail('contract_term', message('work_permit.contract.ended', { contractEnd }));
  }
  const { longTermStayDays } = parameters.workPermit;
  const validFrom = permitStart(contractStart, today);
  // Both the first and the last day of the contract are days of work under it.
  const daysToWork = daysBetween(validFrom, contractEnd) + 1;
  if (daysToWork <= longTermStayDays) {
    const started = validFrom !== contractStart;
    return fail('contract_term', message('work_permit.contract.too_short', { longTermStayDays, days: daysToWork, contractStart, contractEnd, started }));
  }
  return pass('contract_term', message('work_permit.contract.runs', { contractStart, contractEnd }));
}

function pass(rule: WorkPermitRule, reason: Message): RuleFinding {
  return { rule, passed: true, message: reason };
}

function fail(rule: WorkPermitRule, reason: Message): RuleFinding {
  return { rule, passed: false, message: reason };
}
