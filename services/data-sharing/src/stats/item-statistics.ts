import { type Distribution, distributionOf } from './quantile';
import type { ItemFacts, ItemTransition } from './stats-model';

export interface ReasonCount {
  reason: string;
  count: number;
}

/** One item code's numbers over every case that had it. */
export interface ItemStatistics {
  item: string;
  agency: string | null;
  total: number;
  open: number;
  granted: number;
  rejected: number;
  terminated: number;
  withdrawn: number;
  /** From the case's submission to the item's decision (granted or rejected), in seconds. */
  decisionSeconds: Distribution;
  /** Items asked for supplementary materials at least once, of all the items. */
  supplementRate: number;
  /** Rejections of the decided items (granted or rejected); null before any decision. */
  rejectionRate: number | null;
  topRejectionReasons: ReasonCount[];
  topSupplementReasons: ReasonCount[];
  /** The materials most often asked for in supplement requests. */
  topRequestedMaterials: ReasonCount[];
  /** Items ever announced overdue, finished or not. */
  everOverdue: number;
}

export const TOP_REASONS = 3;

/** The most frequent values, most frequent first, ties by name; empty values are not reasons. */
export function topReasons(values: readonly string[], limit = TOP_REASONS): ReasonCount[] {
  const counts = new Map<string, number>();
  for (const value of values.map((v) => v.trim()).filter((v) => v !== '')) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, limit);
}

/** A share, or null when there is nothing to share out. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The statistics of every item code, in code order. */
export function itemStatisticsOf(items: readonly ItemFacts[], transitions: readonly ItemTransition[]): ItemStatistics[] {
  const codes = [...new Set(items.map((item) => item.item))].sort();
  return codes.map((code) => statisticsOfOneItem(code, items.filter((item) => item.item === code), transitions.filter((t) => t.item === code)));
}

function statisticsOfOneItem(code: string, items: readonly ItemFacts[], transitions: readonly ItemTransition[]): ItemStatistics {
  const count = (outcome: ItemFacts['outcome']) => items.filter((item) => item.outcome === outcome).length;
  const granted = count('granted');
  const rejected = count('rejected');
  const decisionSeconds = items
    .filter((item) => (item.outcome === 'granted' || item.outcome === 'rejected') && item.submittedAt && item.outcomeAt)
    .map((item) => ((item.outcomeAt as Date).getTime() - (item.submittedAt as Date).getTime()) / 1000);
  // One request per item and reason: an agency repeating a request does not make its reason commoner.
  const supplementRequests = uniqueBy(
    transitions.filter((t) => t.state === 'awaiting_supplement'),
    (t) => `${t.caseId}/${t.reason ?? ''}/${t.requestedMaterials.join(',')}`,
  );
  return {
    item: code,
    agency: items.find((item) => item.agency)?.agency ?? null,
    total: items.length,
    open: count(null),
    granted,
    rejected,
    terminated: count('terminated'),
    withdrawn: count('withdrawn'),
    decisionSeconds: distributionOf(decisionSeconds),
    supplementRate: rate(items.filter((item) => item.supplementRequestedAt).length, items.length) ?? 0,
    rejectionRate: rate(rejected, granted + rejected),
    topRejectionReasons: topReasons(items.filter((item) => item.outcome === 'rejected').map((item) => item.reason ?? '')),
    topSupplementReasons: topReasons(supplementRequests.map((t) => t.reason ?? '')),
    topRequestedMaterials: topReasons(supplementRequests.flatMap((t) => t.requestedMaterials)),
    everOverdue: items.filter((item) => item.overdueAt).length,
  };
}

/** An item announced overdue that has no outcome yet. */
export interface OverdueItem {
  caseId: string;
  item: string;
  agency: string | null;
  /** The due date it passed (`YYYY-MM-DD`, China); null for a notice that carried none. */
  dueDate: string | null;
  since: Date;
}

/** The items overdue now, longest overdue first. */
export function overdueItemsOf(items: readonly ItemFacts[]): OverdueItem[] {
  return items
    .filter((item) => item.overdueAt && item.outcome === null)
    .map((item) => ({ caseId: item.caseId, item: item.item, agency: item.agency, dueDate: item.overdueDueDate, since: item.overdueAt as Date }))
    .sort((a, b) => a.since.getTime() - b.since.getTime() || a.caseId.localeCompare(b.caseId) || a.item.localeCompare(b.item));
}

function uniqueBy<T>(values: readonly T[], keyOf: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(keyOf(value))) seen.set(keyOf(value), value);
  return [...seen.values()];
}
