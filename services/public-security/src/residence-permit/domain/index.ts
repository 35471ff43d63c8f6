export { assessResidencePermit } from './residence-permit-assessment.rules';
export type {
  ProvidedMaterial,
  ResidencePermitApplicant,
  ResidencePermitApplication,
  ResidencePermitAssessment,
  ResidencePermitChangeApplication,
  ResidencePermitExtendApplication,
  ResidencePermitIssueApplication,
} from './residence-permit-assessment.rules';
export { decisionDueDate } from './residence-decision-due-date.rules';
export { residenceFee, residenceFeeFromParameters } from './residence-fee.rules';
export { checkChange, checkExtension } from './residence-filing-window.rules';
export type { ResidencePermitFinding, ResidencePermitRule } from './residence-permit-finding.model';
export { residencePermitNumber } from './residence-permit-number.rules';
export { ResidencePermitError, ResidencePermitErrorCode } from './residence-permit.exception';
export { describeValidity, residenceValidity } from './residence-validity.rules';
export type {
  ResidenceRuleOptions,
  ResidenceValidity,
  ResidenceValidityInput,
  ResidenceValidityPeriod,
  ResidenceValidityRefusal,
  ValidityLimit,
} from './residence-validity.rules';
