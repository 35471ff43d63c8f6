import { type Catalogue, type Lang, type Localized, localize, type Message, render } from '@work-permit/catalogue';
import { daysBetween, type IsoDate, type TimeLimit, workingDaysLeft } from '@work-permit/workdays';
import type { ItemResultView, RuleFinding } from '../policy/item-policy';
import { officerReasons } from '../review/case-review';
import { type CaseHold, type DecisionLimitExtension, isFinal, type ReviewItem, type ReviewStatus } from '../review/review-model';

/** One item as an officer of the owning agency sees it. */
export interface ItemView {
  caseId: string;
  code: string;
  /** The item's official name in Chinese and English (the catalogue's); null for a code the catalogue does not know. */
  itemName: Localized | null;
  action: string;
  status: ReviewStatus;
  /** The item's time limit (the catalogue's, or the policy's), in working or calendar days. */
  timeLimit: TimeLimit;
  dueDate: string | null;
  /**
   * Working days left until the due date, counted as the law counts (`workingDaysLeft`: after today in
   * China up to and including the due date, State Council calendar): 0 on the due date, negative once
   * past it (overdue by that many working days). Null for a final item or one without a due date (its
   * clock waits or is paused). Beyond the calendar's last year, Monday–Friday (as `dueDateProvisional`).
   */
  workingDaysLeft: number | null;
  /** The same in calendar days (what a calendar-day limit such as the residence permit's counts); null likewise. */
  calendarDaysLeft: number | null;
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
  /** Names the item (`itemName`); without it the name is null. */
  catalogue?: Pick<Catalogue, 'items'>;
  manualItems: ReadonlySet<string>;
  today: string;
  overdueAnnounced: boolean;
  escalated?: boolean;
  /** The case's joint review: once it approved a listed applicant, a person decides every item. */
  hold?: CaseHold;
}

export function itemView(caseId: string, item: ReviewItem, context: ItemViewContext): ItemView {
  const open = item.status === 'in_review';
  const left = timeLeftOf(item, context.today);
  return {
    caseId,
    code: item.code,
    itemName: context.catalogue?.items.find((candidate) => candidate.code === item.code)?.name ?? null,
    action: item.action,
    status: item.status,
    timeLimit: item.timeLimit,
    dueDate: item.dueDate,
    workingDaysLeft: left?.workingDays ?? null,
    calendarDaysLeft: left?.calendarDays ?? null,
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

/**
 * The time left on `today` (China) until the item's due date, in working days as the law counts
 * (negative: overdue by that many) and in calendar days; undefined for a final item or one without a
 * due date. A year the holiday calendar does not cover yet is reckoned Monday–Friday, as the due date is.
 */
export function timeLeftOf(item: Pick<ReviewItem, 'status' | 'dueDate'>, today: IsoDate): { workingDays: number; calendarDays: number } | undefined {
  if (isFinal(item.status) || item.dueDate === null) return undefined;
  return { workingDays: workingDaysLeft(today, item.dueDate, { beyondCalendar: 'weekdays' }), calendarDays: daysBetween(today, item.dueDate) };
}
