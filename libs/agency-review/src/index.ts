export type {
  AgencyReviewDefinition,
  AssessmentContext,
  CaseBody,
  CaseFacts,
  CaseMaterial,
  ItemAssessment,
  ItemPolicy,
  ItemResultView,
  OutcomeStatus,
  PrerequisiteOutcome,
  RuleFinding,
} from './policy/item-policy';
