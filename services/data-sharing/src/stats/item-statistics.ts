import { isKnownMessage, isMessage, type Message, message, type MessageParam, type MessageParams } from '@work-permit/catalogue';
import { type Distribution, distributionOf } from './quantile';
import type { ItemFacts, ItemTransition } from './stats-model';
import { decisionWorkingDaysOf, workingDaysOverdueOf } from './working-days';

/**
 * How often a reason was given, counted by its catalogue code: every officer's own words under
 * `officer.reason`, texts without a code (older events) under `text.as_written`, a requested material
 * under its material code.
 */
export interface ReasonCount {
  code: string;
  /** What the statistics show for the code: its most frequent wording, with no person's own words in it. */
  label: Message;
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
  /**
   * The same decisions in working days as the law counts them (`decisionWorkingDaysOf`: after the day of
   * submission up to the day of decision, State Council calendar, supplement pauses not counted);
   * `provisional` when a decision fell in a year the holiday calendar does not cover yet.
   */
  decisionWorkingDays: Distribution & { provisional: boolean };
  /** Items asked for supplementary materials at least once, of all the items. */
  supplementRate: number;
  /** Rejections of the decided items (granted or rejected); null before any decision. */
  rejectionRate: number | null;
  topRejectionReasons: ReasonCount[];
  topTerminationReasons: ReasonCount[];
  topSupplementReasons: ReasonCount[];
  /** The materials most often asked for in supplement requests. */
  topRequestedMaterials: ReasonCount[];
  /** Items ever announced overdue, finished or not. */
  everOverdue: number;
}

export const TOP_REASONS = 3;

export const OFFICER_REASON = 'officer.reason';
export const UNCODED_REASON = 'text.as_written';
/** Texts that only join other reasons: each reason they join is counted. */
const JOINING = new Set(['text.list', 'text.sentences']);

/**
 * The reasons one message gives, as the statistics count them: by code, once each. A person's own words
 * (an officer's, a reporter's) are never shown: they count as `officer.reason`, also inside another reason.
 */
export function countedReasonsOf(reason: Message | null): { code: string; label: Message }[] {
  if (!reason) return [];
  const counted = new Map<string, Message>();
  const visit = (part: MessageParam) => {
    if (isMessage(part) && JOINING.has(part.code) && Array.isArray(part.params['parts'])) {
      for (const joined of part.params['parts'] as readonly MessageParam[]) visit(joined);
      return;
    }
    const code = !isKnownMessage(part) ? UNCODED_REASON : part.code;
    if (!counted.has(code)) counted.set(code, labelOf(part));
  };
  visit(reason);
  return [...counted].map(([code, label]) => ({ code, label }));
}

/** The message with every person's own words (and every uncoded text) replaced by what the statistics call them. */
function labelOf(part: MessageParam): Message {
  if (!isKnownMessage(part) || part.code === UNCODED_REASON) return message('sharing.stats.uncoded_reason');
  if (part.code === OFFICER_REASON) return message('sharing.stats.officer_reason');
  return { code: part.code, params: withoutOwnWords(part.params) as MessageParams };
}

function withoutOwnWords(value: unknown): unknown {
  if (isMessage(value)) return labelOf(value);
  if (Array.isArray(value)) return value.map(withoutOwnWords);
  if (typeof value === 'object' && value !== null && !('zh' in value && 'en' in value)) {
    return Object.fromEntries(Object.entries(value).map(([name, param]) => [name, withoutOwnWords(param)]));
  }
  return value;
}

/**
 * The most frequent reasons over `given` (each entry the reasons of one item or request), by code, most
 * frequent first, ties by code. Each code is labelled with its most frequent wording (ties by its JSON).
 */
export function topReasons(given: readonly (Message | null)[], limit = TOP_REASONS): ReasonCount[] {
  return topReasonsCounted(given.map((reason) => ({ reason, count: 1 })), limit);
}

/** `topReasons` over reasons given `count` times each (as SQL groups them). */
export function topReasonsCounted(given: readonly { reason: Message | null; count: number }[], limit = TOP_REASONS): ReasonCount[] {
  return topCounted(given.map(({ reason, count }) => ({ reasons: countedReasonsOf(reason), count })), limit);
}

/** The materials most often asked for, by material code, labelled with the material's name. */
export function topMaterials(requests: readonly (readonly string[])[], limit = TOP_REASONS): ReasonCount[] {
  return topMaterialsCounted(requests.map((materials) => ({ materials, count: 1 })), limit);
}

/** `topMaterials` over requests made `count` times each. */
export function topMaterialsCounted(requests: readonly { materials: readonly string[]; count: number }[], limit = TOP_REASONS): ReasonCount[] {
  return topCounted(
    requests.map(({ materials, count }) => ({
      reasons: [...new Set(materials.filter((code) => code.trim() !== ''))].map((material) => ({ code: material, label: message('review.material_asked', { material }) })),
      count,
    })),
    limit,
  );
}

function topCounted(entries: readonly { reasons: readonly { code: string; label: Message }[]; count: number }[], limit: number): ReasonCount[] {
  const groups = new Map<string, { count: number; labels: Map<string, { label: Message; count: number }> }>();
  for (const { reasons, count } of entries) {
    for (const { code, label } of reasons) {
      const group = groups.get(code) ?? { count: 0, labels: new Map() };
      const key = JSON.stringify(label);
      const wording = group.labels.get(key) ?? { label, count: 0 };
      wording.count += count;
      group.labels.set(key, wording);
      group.count += count;
      groups.set(code, group);
    }
  }
  return [...groups]
    .map(([code, group]) => ({ code, label: mostFrequent(group.labels), count: group.count }))
    .sort((a, b) => b.count - a.count || compare(a.code, b.code))
    .slice(0, limit);
}

function mostFrequent(labels: ReadonlyMap<string, { label: Message; count: number }>): Message {
  const [best] = [...labels].sort(([keyA, a], [keyB, b]) => b.count - a.count || compare(keyA, keyB));
  return best[1].label;
}

/** By code point, so the order is the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
  const transitionsByCase = groupBy(transitions, (t) => t.caseId);
  const decisionWorkingDays = items.map((item) => decisionWorkingDaysOf(item, transitionsByCase.get(item.caseId) ?? [])).filter((count) => count !== undefined);
  // One request per item and reason: an agency repeating a request does not make its reason commoner.
  const supplementRequests = uniqueBy(
    transitions.filter((t) => t.state === 'awaiting_supplement'),
    (t) => `${t.caseId}/${JSON.stringify(t.reason)}/${t.requestedMaterials.join(',')}`,
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
    decisionWorkingDays: { ...distributionOf(decisionWorkingDays.map((count) => count.days)), provisional: decisionWorkingDays.some((count) => count.provisional) },
    supplementRate: rate(items.filter((item) => item.supplementRequestedAt).length, items.length) ?? 0,
    rejectionRate: rate(rejected, granted + rejected),
    topRejectionReasons: topReasons(items.filter((item) => item.outcome === 'rejected').map((item) => item.reason)),
    topTerminationReasons: topReasons(items.filter((item) => item.outcome === 'terminated').map((item) => item.reason)),
    topSupplementReasons: topReasons(supplementRequests.map((t) => t.reason)),
    topRequestedMaterials: topMaterials(supplementRequests.map((t) => t.requestedMaterials)),
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
  /** Working days past the due date today in China (`workingDaysOverdueOf`); null without a due date. */
  workingDaysOverdue: number | null;
}

/** The items overdue on `today` (China), longest overdue first. */
export function overdueItemsOf(items: readonly ItemFacts[], today: string): OverdueItem[] {
  return items
    .filter((item) => item.overdueAt && item.outcome === null)
    .map((item) => ({
      caseId: item.caseId,
      item: item.item,
      agency: item.agency,
      dueDate: item.overdueDueDate,
      since: item.overdueAt as Date,
      workingDaysOverdue: workingDaysOverdueOf(item.overdueDueDate, today)?.days ?? null,
    }))
    .sort(longestOverdueFirst);
}

/** Overdue items, the longest overdue first (then by case and item, so the order is stable). */
export function longestOverdueFirst(a: OverdueItem, b: OverdueItem): number {
  return a.since.getTime() - b.since.getTime() || a.caseId.localeCompare(b.caseId) || a.item.localeCompare(b.item);
}

function groupBy<T>(values: readonly T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) groups.set(keyOf(value), [...(groups.get(keyOf(value)) ?? []), value]);
  return groups;
}

function uniqueBy<T>(values: readonly T[], keyOf: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(keyOf(value))) seen.set(keyOf(value), value);
  return [...seen.values()];
}
