export { assessWorkPermit, HEALTH_CERTIFICATE, NO_CRIMINAL_RECORD } from './work-permit-assessment.rules';
export { permitTerm, type PermitTermOptions } from './permit-term.rules';
export {
  checkChange,
  checkExtension,
  checkHeldPermitInForce,
  type ChangeCheck,
  type ChangeRefusalReason,
  type ExtensionCheck,
  type ExtensionRefusalReason,
  type HeldPermitCheck,
} from './filing-window.rules';
export { workPermitNumber } from './work-permit-number';
export { reviewDueWorkingDays } from './review-due.rules';
export { WorkPermitError, WorkPermitErrorCode } from './work-permit.exception';
export type {
  PermitTerm,
  PriorWorkPermit,
  RuleFinding,
  SubmittedMaterial,
  TalentClassification,
  TalentRoute,
  WorkPermitApplication,
  WorkPermitAssessment,
  WorkPermitFlag,
  WorkPermitResult,
  WorkPermitRule,
} from './work-permit.model';
