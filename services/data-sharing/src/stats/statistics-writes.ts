import type { Message } from '@work-permit/catalogue';
import type { StatisticsChange } from './statistics-change';
import { type CaseChannel, isOutcome, type ItemOutcome, type ItemState } from './stats-model';

/** The case's columns a change sets; null leaves the column as it is (times keep the earliest seen). */
export interface CaseWrite {
  channel: CaseChannel | null;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
  jointReviewOpenedAt: Date | null;
  jointReviewConcludedAt: Date | null;
}

/**
 * One item's row as a change offers it: a fresh row takes it as it is; an existing one keeps the
 * earliest times, the earliest outcome (ties by name) and the earliest overdue notice (ties by due date).
 */
export interface ItemWrite {
  item: string;
  agency: string | null;
  chosen: boolean;
  reviewStartedAt: Date | null;
  supplementRequestedAt: Date | null;
  outcome: ItemOutcome | null;
  outcomeAt: Date | null;
  reason: string | null;
  reasonMessage: Message | null;
  overdueAt: Date | null;
  /** `YYYY-MM-DD`. */
  overdueDueDate: string | null;
}

/** A state an item entered, kept once per event and item. */
export interface TransitionWrite {
  item: string;
  state: ItemState;
  at: Date;
  reason: string | null;
  reasonMessage: Message | null;
  requestedMaterials: string[];
}

export interface StatisticsWrites {
  caseId: string;
  case: CaseWrite;
  /** One per item (an item named twice in one event is written once). */
  items: ItemWrite[];
  transitions: TransitionWrite[];
  /**
   * The submission names each item's agency from the catalogue, which fills a gap only; an agency's
   * own event names itself and wins.
   */
  agencyFromCatalogue: boolean;
}

const NO_CASE_WRITE: CaseWrite = { channel: null, submittedAt: null, withdrawnAt: null, jointReviewOpenedAt: null, jointReviewConcludedAt: null };

type ItemChange = Extract<StatisticsChange, { kind: 'item' }>;

/** What a change writes to the statistics tables. */
export function statisticsWritesOf(change: StatisticsChange): StatisticsWrites {
  const { caseId, at } = change;
  switch (change.kind) {
    case 'submitted': {
      const items = firstOfEach(change.items, (entry) => entry.item);
      return {
        caseId,
        case: { ...NO_CASE_WRITE, channel: change.channel, submittedAt: at },
        items: items.map(({ item, agency }) => ({ ...emptyItem(item), agency, chosen: true })),
        transitions: items.map(({ item }) => ({ item, state: 'submitted', at, reason: null, reasonMessage: null, requestedMaterials: [] })),
        agencyFromCatalogue: true,
      };
    }
    case 'item':
      return { caseId, case: NO_CASE_WRITE, ...itemWrites(change), agencyFromCatalogue: false };
    case 'withdrawn': {
      const writes = firstOfEach(change.items, (item) => item).map((item) =>
        itemWrites({ kind: 'item', caseId, at, item, agency: null, state: 'withdrawn', reason: change.reason, reasonMessage: change.reasonMessage, requestedMaterials: [], overdue: false, dueDate: null }),
      );
      return { caseId, case: { ...NO_CASE_WRITE, withdrawnAt: at }, items: writes.flatMap((w) => w.items), transitions: writes.flatMap((w) => w.transitions), agencyFromCatalogue: false };
    }
    case 'joint_review_opened':
      return { caseId, case: { ...NO_CASE_WRITE, jointReviewOpenedAt: at }, items: [], transitions: [], agencyFromCatalogue: false };
    case 'joint_review_concluded':
      return { caseId, case: { ...NO_CASE_WRITE, jointReviewConcludedAt: at }, items: [], transitions: [], agencyFromCatalogue: false };
  }
}

function itemWrites(change: ItemChange): Pick<StatisticsWrites, 'items' | 'transitions'> {
  const { item, at, state, reason, reasonMessage } = change;
  const row: ItemWrite = { ...emptyItem(item), agency: change.agency };
  if (change.overdue) Object.assign(row, { overdueAt: at, overdueDueDate: change.dueDate });
  if (state === null) return { items: [row], transitions: [] };
  if (state === 'in_review') row.reviewStartedAt = at;
  if (state === 'awaiting_supplement') row.supplementRequestedAt = at;
  if (isOutcome(state)) Object.assign(row, { outcome: state, outcomeAt: at, reason, reasonMessage });
  return { items: [row], transitions: [{ item, state, at, reason, reasonMessage, requestedMaterials: change.requestedMaterials }] };
}

function emptyItem(item: string): ItemWrite {
  return {
    item,
    agency: null,
    chosen: false,
    reviewStartedAt: null,
    supplementRequestedAt: null,
    outcome: null,
    outcomeAt: null,
    reason: null,
    reasonMessage: null,
    overdueAt: null,
    overdueDueDate: null,
  };
}

function firstOfEach<T>(entries: readonly T[], keyOf: (entry: T) => string): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(keyOf(entry)) && seen.add(keyOf(entry)));
}

/**
 * Several events' writes as rounds that can each go to the database in one statement: a round holds
 * at most one write per case (a statement may not change a row twice) and only writes of one
 * `agencyFromCatalogue`. Every write is order-free, so the rounds give the tables the events one by
 * one would. Each write keeps its place among its case's writes.
 */
export function writeRoundsOf<W extends StatisticsWrites>(writes: readonly W[]): W[][] {
  const rounds = new Map<string, W[]>();
  const seen = new Map<string, number>();
  for (const write of writes) {
    const kind = `${write.agencyFromCatalogue}:${write.caseId}`;
    const nth = seen.get(kind) ?? 0;
    seen.set(kind, nth + 1);
    const round = `${write.agencyFromCatalogue}:${nth}`;
    const together = rounds.get(round);
    if (together) together.push(write);
    else rounds.set(round, [write]);
  }
  return [...rounds.values()];
}
