import { blockingPointsOf, itemWaitsOf, jointReviewWaitsOf, type BlockingPoint } from './blocking-points';
import { itemStatisticsOf, overdueItemsOf, type ItemStatistics, type OverdueItem } from './item-statistics';
import { CASE_CHANNELS, CASE_STATUSES, type CaseChannel, type CaseStatus, type StatsRows } from './stats-model';

export interface CaseCount {
  status: CaseStatus;
  channel: CaseChannel;
  count: number;
}

/** Everything `/api/stats` and the gauges show, in seconds (and working days), computed from the rows and the day in China. */
export interface Statistics {
  /** Every status and channel pair, zero included, so a gauge falls to 0 rather than vanishing. */
  cases: CaseCount[];
  items: ItemStatistics[];
  overdue: OverdueItem[];
  blockingPoints: BlockingPoint[];
}

/**
 * Every figure from the whole history (`today`, in China, only measures how long the overdue items are
 * overdue): the readable definition of the statistics. The service computes the same figures in the
 * database (`StatsRepository`, `statisticsOfAggregates`) without holding the history.
 */
export function statisticsOf(rows: StatsRows, today: string): Statistics {
  const counts = new Map<string, number>();
  for (const c of rows.cases) if (c.submittedAt !== null && c.channel !== null) counts.set(`${c.status}/${c.channel}`, (counts.get(`${c.status}/${c.channel}`) ?? 0) + 1);
  return {
    cases: CASE_STATUSES.flatMap((status) => CASE_CHANNELS.map((channel) => ({ status, channel, count: counts.get(`${status}/${channel}`) ?? 0 }))),
    items: itemStatisticsOf(rows.items, rows.transitions),
    overdue: overdueItemsOf(rows.items, today),
    blockingPoints: blockingPointsOf([...itemWaitsOf(rows.transitions), ...jointReviewWaitsOf(rows.cases)]),
  };
}
