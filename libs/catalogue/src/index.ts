export type {
  AgencyCode,
  AgencyDefinition,
  Catalogue,
  CatalogueItem,
  CatalogueParameters,
  DataReader,
  DataScopeDefinitions,
  FeeBand,
  FeeRule,
  FieldDefinition,
  FieldScalar,
  FieldTest,
  FieldOption,
  FieldRule,
  FieldType,
  FilingWindow,
  ItemAction,
  ItemActionDefinition,
  ItemCode,
  ItemSelection,
  Lang,
  Localized,
  MaterialDefinition,
  MaterialUse,
  ScopeExtra,
  StatutoryLimit,
  StepUse,
  TimeLimit,
} from './model/catalogue.model';
export type {
  ChineseLevel,
  DocumentParameters,
  Education,
  ExtensionWindowDays,
  ForecastParameters,
  MaterialValidityParameters,
  PointsBand,
  PointsTable,
  ResidencePermitParameters,
  SocialInsuranceKind,
  SocialInsuranceParameters,
  SocialSecurityAgreement,
  TalentCategory,
  TalentClassificationParameters,
  WorkPermitParameters,
} from './model/catalogue-parameters.model';
export { SOCIAL_INSURANCES } from './model/catalogue-parameters.model';
export { SOCIAL_INSURANCE_NAMES } from './data/social-insurances';
export { conditionFields, conditionHolds, type ConditionOptions } from './conditions/field-condition';
export { CatalogueError, CatalogueErrorCode } from './catalogue.exception';
export { CATALOGUE_2026_1 } from './data/catalogue-2026-1';
export { CURRENT_CATALOGUE_VERSION, catalogueVersions, getCatalogue } from './registry/catalogue.registry';
export { catalogueProblems, validateCatalogue } from './registry/catalogue-consistency';
export { dependantsOf, findPrerequisiteCycle, topologicalOrder } from './graph/prerequisite-graph';
export { mergeForm, type FormField, type FormMaterial, type FormReduction, type MergedForm } from './form/merged-form';
export { fieldProblem, validateCaseBody, validateMaterials, type CaseBodyValidationOptions, type FieldError } from './validation/case-body.validator';
export { isValidUscc, usccCheckCharacter } from './validation/uscc.validator';
export { checkSelection, type SelectionCheckOptions, type SelectionRefusal, type SelectionRefusalCode } from './selection/selection.rules';
export {
  describeCatalogue,
  type ActionView,
  type CatalogueItemView,
  type CatalogueView,
  type FeeView,
  type FilingWindowView,
  type TimeLimitView,
} from './view/catalogue.view';
export { feeCnyFor } from './fees/fee-rule';
export * from './guides';
export { caseItems, isRequired, materialShortfall, stepsOf, stepUsesOf, type CaseItemRef, type MaterialShortfall, type ShortfallOptions } from './review/case-items';
export { DataScope, dataScopeOf, dataScopesOf, isReleased, SCOPE_PATTERN, type ScopePatterns } from './scope/data-scope';
export { SERVICE_NAME } from './data/service-name';
export * from './messages';
export * from './forecast';
