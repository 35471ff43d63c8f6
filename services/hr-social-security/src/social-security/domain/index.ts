export { eSocialSecurityCard, type ESocialSecurityCard, type ESocialSecurityCardInput } from './e-social-security-card.rules';
export {
  INSURANCES,
  insuranceCoverage,
  type Insurance,
  type InsuranceCoverage,
  type InsuranceStatus,
} from './insurance-coverage.rules';
export { registrationDeadline } from './registration-deadline.rules';
export { SocialSecurityError, SocialSecurityErrorCode } from './social-security.exception';
export { personsSocialSecurityNumber, socialSecurityNumber, type SocialSecurityNumberSource } from './social-security-number.rules';
export {
  assessTitleEvaluation,
  type TitleEvaluationApplication,
  type TitleEvaluationAssessment,
  type TitleMaterialCheck,
  type TitleMaterialStatus,
} from './title-evaluation-assessment.rules';
