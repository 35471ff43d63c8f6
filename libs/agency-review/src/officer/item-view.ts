import type { ItemResultView, RuleFinding } from '../policy/item-policy';
import { officerReasons } from '../review/case-review';
import { isFinal, type ReviewItem, type ReviewStatus } from '../review/review-model';

/** One item as an officer of the owning agency sees it. */
export interface ItemView {
  caseId: string;
  code: string;
  action: string;
  status: ReviewStatus;
  dueDate: string | null;
  /** True when the due date runs into a year whose holiday notice is not published yet (counted Monday–Friday). */
  dueDateProvisional: boolean;
  overdue: boolean;
  /** The assessment's flags: reasons an officer decides even though every rule passed. */
  flags: string[];
  /** Why the item waits for an officer (failed rules, flags, MANUAL_ITEMS, documents still missing); empty otherwise. */
  awaitingOfficer: string[];
  findings: RuleFinding[];
  requestedMaterials: string[];
  reason: string | null;
  result: ItemResultView | null;
  decidedBy: { kind: 'automatic' | 'officer'; subject?: string } | null;
  decidedAt: string | null;
}

export function itemView(caseId: string, item: ReviewItem, context: { manualItems: ReadonlySet<string>; today: string; overdueAnnounced: boolean }): ItemView {
  const open = item.status === 'in_review';
  return {
    caseId,
    code: item.code,
    action: item.action,
    status: item.status,
    dueDate: item.dueDate,
    dueDateProvisional: item.dueDateProvisional,
    overdue: isOverdue(item, context),
    flags: item.assessment?.flags ?? [],
    awaitingOfficer: open ? officerReasons(item, context) : [],
    findings: item.assessment?.findings ?? [],
    requestedMaterials: item.requestedMaterials,
    reason: item.reason,
    result: item.result,
    decidedBy: item.decidedBy,
    decidedAt: item.decidedAt ? new Date(item.decidedAt).toISOString() : null,
  };
}

/**
 * Past its due date in China (`today` from the Clock) and not final; an item the overdue timer has
 * announced stays overdue even if a later pause moves its due date. `OVERDUE_SQL` in the items query
 * is the same test for the list's filter and order.
 */
export function isOverdue(item: Pick<ReviewItem, 'status' | 'dueDate'>, context: { today: string; overdueAnnounced: boolean }): boolean {
  return !isFinal(item.status) && (context.overdueAnnounced || (item.dueDate !== null && item.dueDate < context.today));
}
