import type { Message } from '@work-permit/catalogue';
import type { IsoDate } from '@work-permit/workdays';
import { longestWaitFirst, type BlockingPoint } from './blocking-points';
import { type ItemStatistics, longestOverdueFirst, type OverdueItem, rate, topMaterialsCounted, topReasonsCounted } from './item-statistics';
import { type Distribution, distributionOfCounted } from './quantile';
import type { CaseCount, Statistics } from './statistics';
import { CASE_CHANNELS, CASE_STATUSES, type CaseChannel, type WaitingState } from './stats-model';
import { pausesOfMoves, type SupplementMove, workingDaysOverdueOf, workingDaysToDecision } from './working-days';

/**
 * What the database sums up for the statistics (`StatsRepository.aggregates`): counts, quantiles and
 * rows grouped by what a figure depends on. `statisticsOfAggregates` makes of them the same
 * `Statistics` as `statisticsOf` makes of the whole history, which stays the readable definition of
 * every figure; `stats-aggregates.int-spec.ts` checks that both agree.
 */
export interface StatsAggregates {
  /** Cases whose submission was seen, by status and channel (pairs without cases absent). */
  cases: CaseCount[];
  /** Every item code of `stats_item`, in code order. */
  items: ItemTotals[];
  decisionDays: DecisionDays[];
  outcomeReasons: OutcomeReasons[];
  supplementRequests: SupplementRequests[];
  /** Items announced overdue and not ended, one by one. */
  overdue: OverdueRow[];
  /** Every (item, state) where an item (or, for `joint_review` with no item, a case) waited. */
  steps: StepWaits[];
}

/** An item code's counts and decision times, as `ItemStatistics` has them, and how many were asked for a supplement. */
export type ItemTotals = Pick<ItemStatistics, 'item' | 'agency' | 'total' | 'open' | 'granted' | 'rejected' | 'terminated' | 'withdrawn' | 'everOverdue' | 'decisionSeconds'> & {
  /** Items asked for supplementary materials at least once. */
  supplemented: number;
};

/** `count` decided items of `item` submitted and decided on these days (China), with these supplement moves in time order. */
export interface DecisionDays {
  item: string;
  submitted: IsoDate;
  decided: IsoDate;
  moves: SupplementMove[];
  count: number;
}

/** A reason given `count` times for an item's rejection or termination. */
export interface OutcomeReasons {
  item: string;
  outcome: 'rejected' | 'terminated';
  reason: Message | null;
  count: number;
}

/** `count` supplement requests (one per item and reason) with this reason and these materials. */
export interface SupplementRequests {
  item: string;
  reason: Message | null;
  requestedMaterials: string[];
  count: number;
}

export interface OverdueRow {
  caseId: string;
  item: string;
  agency: string | null;
  dueDate: IsoDate | null;
  since: Date;
}

export interface StepWaits {
  item: string | null;
  state: WaitingState;
  /** The finished waits, in seconds. */
  finished: Distribution;
  waitingNow: number;
}

/** The statistics from the database's sums; `today` (China) only measures how long overdue items are overdue. */
export function statisticsOfAggregates(aggregates: StatsAggregates, today: IsoDate): Statistics {
  const counts = new Map(aggregates.cases.map((c) => [`${c.status}/${c.channel}`, c.count]));
  return {
    cases: CASE_STATUSES.flatMap((status) => CASE_CHANNELS.map((channel) => ({ status, channel, count: counts.get(`${status}/${channel}`) ?? 0 }))),
    items: aggregates.items.map((totals) => itemStatisticsOfTotals(totals, aggregates)),
    overdue: aggregates.overdue
      .map((row): OverdueItem => ({ ...row, workingDaysOverdue: workingDaysOverdueOf(row.dueDate, today)?.days ?? null }))
      .sort(longestOverdueFirst),
    blockingPoints: aggregates.steps
      .map(
        ({ item, state, finished, waitingNow }): BlockingPoint => ({
          step: `${item ?? 'case'} ${state}`,
          item,
          state,
          count: finished.count,
          medianSeconds: finished.median ?? null,
          p90Seconds: finished.p90 ?? null,
          waitingNow,
        }),
      )
      .sort(longestWaitFirst),
  };
}

function itemStatisticsOfTotals(totals: ItemTotals, aggregates: StatsAggregates): ItemStatistics {
  const { item, supplemented, ...counts } = totals;
  const of = <T extends { item: string }>(rows: readonly T[]) => rows.filter((row) => row.item === item);
  const workingDays = of(aggregates.decisionDays).map((days) => ({ ...workingDaysToDecision(days.submitted, days.decided, pausesOfMoves(days.moves)), count: days.count }));
  const reasons = (outcome: OutcomeReasons['outcome']) => topReasonsCounted(of(aggregates.outcomeReasons).filter((row) => row.outcome === outcome));
  const requests = of(aggregates.supplementRequests);
  return {
    item,
    ...counts,
    decisionWorkingDays: {
      ...distributionOfCounted(workingDays.map(({ days, count }) => ({ value: days, count }))),
      provisional: workingDays.some((days) => days.provisional),
    },
    supplementRate: rate(supplemented, totals.total) ?? 0,
    rejectionRate: rate(totals.rejected, totals.granted + totals.rejected),
    topRejectionReasons: reasons('rejected'),
    topTerminationReasons: reasons('terminated'),
    topSupplementReasons: topReasonsCounted(requests),
    topRequestedMaterials: topMaterialsCounted(requests.map(({ requestedMaterials, count }) => ({ materials: requestedMaterials, count }))),
  };
}

/** One count of the daily series, as the database groups the cases (`channel` only for submissions). */
export interface DailyRow {
  kind: 'submitted' | 'completed' | 'withdrawn';
  channel: CaseChannel | null;
  day: IsoDate;
  count: number;
}
