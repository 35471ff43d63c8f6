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
export { AgencyServiceConfig } from './agency-review.config';
export { AgencyReviewModule } from './agency-review.module';
export { PermitCancellations, type PermitCancellationView } from './cancellation/permit-cancellations';
export { CONTRACT_BOUND_ITEM, type CancellationGround } from './cancellation/permit-cancellation.rules';
export { CaseReviewer, reviewCaseLockKey } from './case-reviewer';
export { AgencyDocumentIssuer } from './documents';
export { OverdueWatch } from './overdue/overdue-watch';
export type { AgencyCaseItemView, AgencyCaseView } from './officer/agency-case-view';
export type { ItemView } from './officer/item-view';
export type { QueueItemView, QueuePage } from './officer/queue-item-view';
export type { DecisionReadiness } from './review/case-review';
export { REVIEW_STATUSES, type ReviewStatus } from './review/review-model';

import { PermitCancellation1765300000000 } from './cancellation/1765300000000-permit-cancellation';
import { PermitCancellationRow } from './cancellation/permit-cancellation.entity';
import { AgencyDocuments1765400000000, DocumentRequestRow, IssuedDocumentPdfUncompressed1767100000100, IssuedDocumentRow } from './documents';
import { AgencyReview1764500000000 } from './migrations/1764500000000-agency-review';
import { JointReview1764600000000 } from './migrations/1764600000000-joint-review';
import { DecisionClocks1765200000000 } from './migrations/1765200000000-decision-clocks';
import { ReasonsAsMessages1765500000000 } from './migrations/1765500000000-reasons-as-messages';
import { CaseHoldRow } from './persistence/case-hold.entity';
import { JointReviewRow } from './persistence/joint-review.entity';
import { PrerequisiteOutcomeRow } from './persistence/prerequisite-outcome.entity';
import { ReviewCaseRow } from './persistence/review-case.entity';
import { ReviewItemRow } from './persistence/review-item.entity';

/** Add to an agency service's TypeORM entities and migrations. */
export const AGENCY_REVIEW_ENTITIES = [ReviewCaseRow, ReviewItemRow, PrerequisiteOutcomeRow, CaseHoldRow, JointReviewRow, PermitCancellationRow, DocumentRequestRow, IssuedDocumentRow];
export const AGENCY_REVIEW_MIGRATIONS = [AgencyReview1764500000000, JointReview1764600000000, DecisionClocks1765200000000, PermitCancellation1765300000000, AgencyDocuments1765400000000, ReasonsAsMessages1765500000000, IssuedDocumentPdfUncompressed1767100000100];
export { ReviewCaseRow, ReviewItemRow, PrerequisiteOutcomeRow, CaseHoldRow, JointReviewRow, PermitCancellationRow };
