import { type CatalogueParameters, message } from '@work-permit/catalogue';
import { addMonths, ageOn, daysBetween, type IsoDate } from '@work-permit/workdays';
import { assertIsoDate } from './calendar-date';
import { checkChange, checkExtension } from './residence-filing-window.rules';
import type { ResidencePermitFinding } from './residence-permit-finding.model';
import { describeValidity, type ResidenceRuleOptions, type ResidenceValidity, residenceValidity } from './residence-validity.rules';

const HEALTH_CERTIFICATE = 'HEALTH_CERTIFICATE';

export interface ResidencePermitApplicant {
  birthDate: IsoDate;
  passportExpiry: IsoDate;
  /** Absent when the applicant has not entered yet or is already in China; the entry rule is then not applied. */
  entryDate?: IsoDate;
}

export interface ProvidedMaterial {
  code: string;
  issuedAt: IsoDate;
}

interface ApplicationBase {
  /** The filing day: the entry window, the filing windows and the health certificate's age are read on it. Defaults to `today`. */
  appliedOn?: IsoDate;
  applicant: ResidencePermitApplicant;
  materials: readonly ProvidedMaterial[];
}

export interface ResidencePermitIssueApplication extends ApplicationBase {
  action: 'issue';
  workPermitValidFrom?: IsoDate;
  workPermitValidTo: IsoDate;
  requestedValidTo?: IsoDate;
}

export interface ResidencePermitExtendApplication extends ApplicationBase {
  action: 'extend';
  /** The last day of the residence permit held. */
  residencePermitValidTo: IsoDate;
  workPermitValidFrom?: IsoDate;
  workPermitValidTo: IsoDate;
  requestedValidTo?: IsoDate;
}

export interface ResidencePermitChangeApplication extends ApplicationBase {
  action: 'change';
  changeOccurredOn: IsoDate;
}

export type ResidencePermitApplication = ResidencePermitIssueApplication | ResidencePermitExtendApplication | ResidencePermitChangeApplication;

export interface ResidencePermitAssessment {
  /** Every finding passed. */
  passed: boolean;
  findings: ResidencePermitFinding[];
  /** For an issue or an extension: the validity to grant (a new permit, see `residenceValidity`), or why there is none. */
  validity?: ResidenceValidity;
}

/**
 * The residence-permit rules an application is assessed on at the decision, `today`:
 * - every action: the passport is valid today;
 * - issue: a health certificate unless the applicant is exempt by age, and filing within
 *   `applyWithinDaysOfEntry` days of entry when an entry date is given;
 * - extension: filed within the extension window;
 * - change: filed within the change window;
 * - issue and extension: the validity rule (`residenceValidity`).
 */
export function assessResidencePermit(application: ResidencePermitApplication, parameters: CatalogueParameters, { today }: ResidenceRuleOptions): ResidencePermitAssessment {
  assertIsoDate(today, 'today');
  const filedOn = application.appliedOn ?? today;
  assertIsoDate(filedOn, 'appliedOn');

  const findings = [passportFinding(application.applicant.passportExpiry, today)];
  if (application.action === 'change') {
    findings.push(checkChange(application.changeOccurredOn, parameters, { today: filedOn }));
    return { passed: findings.every((finding) => finding.passed), findings };
  }

  if (application.action === 'issue') {
    findings.push(healthCertificateFinding(application, parameters, filedOn));
    if (application.applicant.entryDate !== undefined) findings.push(entryFinding(application.applicant.entryDate, parameters, filedOn));
  } else {
    findings.push(checkExtension(application.residencePermitValidTo, parameters, { today: filedOn }));
  }
  const validity = residenceValidity(
    {
      workPermitValidFrom: application.workPermitValidFrom,
      workPermitValidTo: application.workPermitValidTo,
      passportExpiry: application.applicant.passportExpiry,
      requestedValidTo: application.requestedValidTo,
    },
    parameters,
    { today },
  );
  findings.push(
    validity.refused ? { rule: 'validity', passed: false, message: validity.reason } : { rule: 'validity', passed: true, message: describeValidity(validity) },
  );
  return { passed: findings.every((finding) => finding.passed), findings, validity };
}

function passportFinding(passportExpiry: IsoDate, today: IsoDate): ResidencePermitFinding {
  assertIsoDate(passportExpiry, 'applicant.passportExpiry');
  return passportExpiry >= today
    ? { rule: 'passport_valid', passed: true, message: message('residence_permit.passport.valid', { passportExpiry }) }
    : { rule: 'passport_valid', passed: false, message: message('residence_permit.passport.expired', { passportExpiry }) };
}

function healthCertificateFinding(application: ResidencePermitIssueApplication, parameters: CatalogueParameters, filedOn: IsoDate): ResidencePermitFinding {
  const { healthCertificateExemptUnderAge: under, healthCertificateExemptOverAge: over } = parameters.residencePermit;
  assertIsoDate(application.applicant.birthDate, 'applicant.birthDate');
  const age = ageOn(application.applicant.birthDate, filedOn);
  if (age < under) return { rule: 'health_certificate', passed: true, message: message('residence_permit.health.exempt_under', { age, under }) };
  if (age > over) return { rule: 'health_certificate', passed: true, message: message('residence_permit.health.exempt_over', { age, over }) };

  const months = parameters.materialValidity.healthCertificateMonths;
  const latest = application.materials
    .filter((material) => material.code === HEALTH_CERTIFICATE)
    .map((material) => material.issuedAt)
    .sort()
    .at(-1);
  if (latest === undefined) {
    return { rule: 'health_certificate', passed: false, message: message('residence_permit.health.missing', { age, under, over }) };
  }
  const earliest = addMonths(filedOn, -months);
  return latest >= earliest
    ? { rule: 'health_certificate', passed: true, message: message('residence_permit.health.valid', { issuedOn: latest, months }) }
    : { rule: 'health_certificate', passed: false, message: message('residence_permit.health.too_old', { issuedOn: latest, months, earliest }) };
}

function entryFinding(entryDate: IsoDate, parameters: CatalogueParameters, filedOn: IsoDate): ResidencePermitFinding {
  assertIsoDate(entryDate, 'applicant.entryDate');
  const limit = parameters.residencePermit.applyWithinDaysOfEntry;
  const since = daysBetween(entryDate, filedOn);
  if (since < 0) return { rule: 'entry_window', passed: false, message: message('residence_permit.entry.after_filing', { entryDate, filedOn }) };
  return since <= limit
    ? { rule: 'entry_window', passed: true, message: message('residence_permit.entry.within', { days: since, entryDate, limit }) }
    : { rule: 'entry_window', passed: false, message: message('residence_permit.entry.late', { days: since, entryDate, limit }) };
}
