import type { AgencyReviewDefinition } from './policy/item-policy';

export const AGENCY_REVIEW_OPTIONS = Symbol('AGENCY_REVIEW_OPTIONS');

export interface AgencyReviewOptions extends AgencyReviewDefinition {
  /** Items MANUAL_ITEMS adds to the catalogue's `manualByDefault` ones. */
  manualItems: ReadonlySet<string>;
  /** How often the overdue timer looks for items past their due date. */
  overdueScanIntervalMs: number;
}
