import type { CatalogueParameters, Education, MaterialValidityParameters, TalentCategory } from '@work-permit/catalogue';
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

const ROUTE_NAMES: Record<TalentRoute, string> = {
  talent_programme: 'a talent programme or a recognised achievement',
  salary_multiple: 'salary',
  points: 'points',
  degree_and_experience: 'degree and work experience',
  other: 'the national quota',
};

interface Certificate {
  rule: WorkPermitRule;
  code: string;
  name: string;
  validityMonths: keyof MaterialValidityParameters;
  /** Waived for an applicant who held a Chinese work permit within `priorPermitWaiverYears`. */
  waivedByPriorPermit: boolean;
}

// DOMAIN.md: a prior permit waives the degree and criminal-record certificates, never the health certificate.
const CERTIFICATES: readonly Certificate[] = [
  { rule: 'no_criminal_record_certificate', code: NO_CRIMINAL_RECORD, name: 'no-criminal-record certificate', validityMonths: 'noCriminalRecordMonths', waivedByPriorPermit: true },
  { rule: 'health_certificate', code: HEALTH_CERTIFICATE, name: 'health certificate', validityMonths: 'healthCertificateMonths', waivedByPriorPermit: false },
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
    ? pass('minimum_age', `Aged ${age} on ${today}, at least the minimum age of ${minimumAge}.`)
    : fail('minimum_age', `Aged ${age} on ${today}; a work permit needs the applicant to be ${minimumAge} or over.`);
}

function categoryRoute(application: WorkPermitApplication, { category, points, route }: TalentClassification, parameters: CatalogueParameters): RuleFinding {
  if (category === 'C') {
    return pass('category_route', 'Category C is admitted within the national quota; an officer confirms the quota.');
  }
  if (!ROUTES[category].includes(route)) {
    return fail('category_route', `Category ${category} cannot be reached through ${ROUTE_NAMES[route] ?? route}; the Science and Technology Bureau should confirm the category again.`);
  }
  const t = parameters.talentClassification;
  const thresholds = category === 'A' ? t.categoryA : t.categoryB;
  switch (route) {
    case 'talent_programme':
      return pass('category_route', `Category ${category} through ${ROUTE_NAMES[route]}, as confirmed by the Science and Technology Bureau.`);
    case 'points':
      return points >= thresholds.minimumPoints
        ? pass('category_route', `Category ${category} through points: ${points}, at least ${thresholds.minimumPoints}.`)
        : fail('category_route', `Category ${category} through points needs at least ${thresholds.minimumPoints} points; the applicant has ${points}.`);
    case 'salary_multiple': {
      const needed = thresholds.salaryMultipleOfLocalAverage * parameters.localAverageAnnualWageCny;
      const salary = application.employment.annualSalaryCny;
      return salary >= needed
        ? pass('category_route', `Category ${category} through salary: ${salary} RMB a year, at least ${thresholds.salaryMultipleOfLocalAverage} × the local average wage (${needed} RMB).`)
        : fail(
            'category_route',
            `Category ${category} through salary needs at least ${thresholds.salaryMultipleOfLocalAverage} × the local average wage (${needed} RMB a year); the contract pays ${salary} RMB.`,
          );
    }
    case 'degree_and_experience': {
      const { education, workExperienceYears } = application.applicant;
      const { minimumEducation, minimumExperienceYears } = t.categoryB;
      const problems = [
        ...(EDUCATION_ORDER.indexOf(education) < EDUCATION_ORDER.indexOf(minimumEducation) ? [`a ${minimumEducation} degree or higher (the applicant's highest is ${education})`] : []),
        ...(workExperienceYears < minimumExperienceYears ? [`${minimumExperienceYears} years' relevant experience (the applicant has ${workExperienceYears})`] : []),
      ];
      return problems.length === 0
        ? pass('category_route', `Category ${category} through a ${education} degree and ${workExperienceYears} years' experience.`)
        : fail('category_route', `Category ${category} through degree and experience needs ${problems.join(' and ')}.`);
    }
    case 'other':
      return fail('category_route', `Category ${category} cannot be reached through ${ROUTE_NAMES[route]}.`);
  }
}

function categoryAgeLimit(age: number, category: TalentCategory, parameters: CatalogueParameters, today: IsoDate): RuleFinding {
  switch (category) {
    case 'A':
      return pass('category_age_limit', 'Category A has no upper age limit.');
    case 'B': {
      const { maximumAge } = parameters.talentClassification.categoryB;
      return age <= maximumAge
        ? pass('category_age_limit', `Aged ${age} on ${today}, within category B's limit of ${maximumAge}.`)
        : fail('category_age_limit', `Category B is for applicants aged ${maximumAge} or under; the applicant is ${age} on ${today}.`);
    }
    case 'C':
      return pass('category_age_limit', 'Category C has no upper age limit of its own.');
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
    return pass(certificate.rule, `The ${certificate.name} was issued on ${validIssue}, within ${months} months.`);
  }

  if (certificate.waivedByPriorPermit) {
    const waiver = priorPermitWaiver(application, parameters, today);
    if (waiver === 'confirmed') {
      return pass(certificate.rule, `The ${certificate.name} is waived: the applicant held a Chinese work permit within the last ${parameters.workPermit.priorPermitWaiverYears} years.`);
    }
    if (waiver === 'declared') {
      flags.push('prior_permit_unverified');
      return pass(
        certificate.rule,
        `The ${certificate.name} is waived on the applicant's declaration of a Chinese work permit held within the last ${parameters.workPermit.priorPermitWaiverYears} years; an officer confirms it.`,
      );
    }
  }

  const prior = application.priorPermit;
  const notWaived =
    certificate.waivedByPriorPermit && prior?.validTo !== undefined
      ? ` It is not waived: the work permit held before ended on ${prior.validTo}, more than ${parameters.workPermit.priorPermitWaiverYears} years ago.`
      : '';
  const failed = (message: string): RuleFinding => ({ ...fail(certificate.rule, `${message}${notWaived}`), material: certificate.code });
  const latestIssue = issues.pop();
  if (latestIssue === undefined) return failed(`The ${certificate.name} is missing.`);
  if (latestIssue > today) return failed(`The ${certificate.name} is dated ${latestIssue}, after today (${today}).`);
  return failed(`The ${certificate.name} was issued on ${latestIssue}; it must have been issued within ${months} months, on or after ${issuedOnOrAfter}.`);
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
    return fail('passport_validity', `The passport expires on ${passportExpiry}, before the permit would start on ${validFrom}; renew the passport first.`);
  }
  const termEnd = earliest(contractEnd, lastDayOfYears(validFrom, parameters.workPermit.termCapYears[category]));
  return passportExpiry >= termEnd
    ? pass('passport_validity', `The passport is valid until ${passportExpiry}, beyond the permit term.`)
    : pass('passport_validity', `The passport is valid until ${passportExpiry}; the permit ends then, before the contract does.`);
}

function contractTerm(application: WorkPermitApplication, parameters: CatalogueParameters, today: IsoDate): RuleFinding {
  const { contractStart, contractEnd } = application.employment;
  if (contractEnd <= contractStart) {
    return fail('contract_term', `The contract must end after it starts; it runs from ${contractStart} to ${contractEnd}.`);
  }
  if (contractEnd < today) {
    return fail('contract_term', `The contract ended on ${contractEnd}.`);
  }
  const { longTermStayDays } = parameters.workPermit;
  const validFrom = permitStart(contractStart, today);
  // Both the first and the last day of the contract are days of work under it.
  const daysToWork = daysBetween(validFrom, contractEnd) + 1;
  if (daysToWork <= longTermStayDays) {
    const left = validFrom === contractStart ? `the contract covers ${daysToWork} days` : `the contract started on ${contractStart} and has ${daysToWork} days left from today`;
    return fail('contract_term', `A work permit is for work in China of more than ${longTermStayDays} days; ${left}, to ${contractEnd}.`);
  }
  return pass('contract_term', `The contract runs from ${contractStart} to ${contractEnd}.`);
}

function pass(rule: WorkPermitRule, message: string): RuleFinding {
  return { rule, passed: true, message };
}

function fail(rule: WorkPermitRule, message: string): RuleFinding {
  return { rule, passed: false, message };
}
