export { eSocialSecurityCard, type ESocialSecurityCard, type ESocialSecurityCardInput } from './e-social-security-card.rules';
export {
  AGREEMENT_COVERED_INSURANCES,
  INSURANCES,
  insuranceCoverage,
  type Insurance,
  type InsuranceCoverage,
  type InsuranceStatus,
} from './insurance-coverage.rules';
export { registrationDeadline } from './registration-deadline.rules';
export { SocialSecurityError, SocialSecurityErrorCode } from './social-security.exception';
export { socialSecurityNumber } from './social-security-number.rules';
export {
  assessTitleEvaluation,
  type TitleEvaluationApplication,
  type TitleEvaluationAssessment,
  type TitleMaterialCheck,
  type TitleMaterialStatus,
} from './title-evaluation-assessment.rules';
