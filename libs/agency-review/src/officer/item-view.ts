import { type Lang, type Localized, localize, type Message, render } from '@work-permit/catalogue';
import type { ItemResultView, RuleFinding } from '../policy/item-policy';
import { officerReasons } from '../review/case-review';
import { type CaseHold, type DecisionLimitExtension, isFinal, type ReviewItem, type ReviewStatus } from '../review/review-model';

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
  /** The day the item's clock started (submission, or when its prerequisites were granted); null while it waits. */
  clockStartsOn: string | null;
  /** The last day of the law's decision limit, extension included; null when the item has none or its clock waits. */
  statutoryDueDate: string | null;
  /** The statutory limit's extension, once granted: by how much, why, by whom and when. */
  extension: DecisionLimitExtension | null;
  /** True once the statutory limit ran out undecided and the item was escalated to the lead agency. */
  escalated: boolean;
  /** The assessment's flags: reasons an officer decides even though every rule passed. */
  flags: string[];
  /** Why the item waits for an officer (failed rules, flags, manual items, a listed applicant, documents still missing); empty otherwise. */
  awaitingOfficer: string[];
  findings: FindingView[];
  requestedMaterials: string[];
  /** Why the item stands where it is, in the request's language (Chinese by default); `reasons` has both. */
  reason: string | null;
  reasons: Localized | null;
  result: ItemResultView | null;
  decidedBy: { kind: 'automatic' | 'officer'; subject?: string } | null;
  decidedAt: string | null;
}

/** A rule's finding in the reader's language (`message`), with both languages beside it. */
export interface FindingView extends Omit<RuleFinding, 'message'> {
  message: string;
  messages: Localized;
}

/** A message of the catalogue in the reader's language, and in both. */
export function inLanguage(value: Message | null | undefined, lang: Lang): { text: string | null; both: Localized | null } {
  return value ? { text: render(value, lang), both: localize(value) } : { text: null, both: null };
}

export interface ItemViewContext {
  /** The reader's language: every reason and finding is rendered in it. */
  lang: Lang;
  manualItems: ReadonlySet<string>;
  today: string;
  overdueAnnounced: boolean;
  escalated?: boolean;
  /** The case's joint review: once it approved a listed applicant, a person decides every item. */
  hold?: CaseHold;
}

export function itemView(caseId: string, item: ReviewItem, context: ItemViewContext): ItemView {
  const open = item.status === 'in_review';
  return {
    caseId,
    code: item.code,
    action: item.action,
    status: item.status,
    dueDate: item.dueDate,
    dueDateProvisional: item.dueDateProvisional,
    overdue: isOverdue(item, context),
    clockStartsOn: item.clockStartsOn,
    statutoryDueDate: item.statutoryDueDate,
    extension: item.extension,
    escalated: context.escalated === true,
    flags: item.assessment?.flags ?? [],
    awaitingOfficer: open ? officerReasons(item, context, context.hold).map((reason) => render(reason, context.lang)) : [],
    findings: (item.assessment?.findings ?? []).map((finding) => ({ ...finding, message: render(finding.message, context.lang), messages: localize(finding.message) })),
    requestedMaterials: item.requestedMaterials,
    reason: inLanguage(item.reason, context.lang).text,
    reasons: inLanguage(item.reason, context.lang).both,
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
