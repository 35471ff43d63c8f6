import { blockingPointsOf, itemWaitsOf, jointReviewWaitsOf, type BlockingPoint, type Wait } from './blocking-points';
import { itemStatisticsOf, longestOverdueFirst, overdueItemsOf, type ItemStatistics, type OverdueItem } from './item-statistics';
import { CASE_CHANNELS, CASE_STATUSES, type CaseChannel, type CaseFacts, type CaseStatus, type ItemFacts, type ItemTransition, type StatsRows } from './stats-model';

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

/** `today` (China) only measures how long the overdue items are overdue; everything else comes from the rows. */
export function statisticsOf(rows: StatsRows, today: string): Statistics {
  const builder = new StatisticsBuilder(today);
  for (const code of [...new Set([...rows.items.map((item) => item.item), ...rows.transitions.map((t) => t.item)])].sort()) {
    builder.addItemCode(
      rows.items.filter((item) => item.item === code),
      rows.transitions.filter((t) => t.item === code),
    );
  }
  return builder.finish(rows.cases);
}

/**
 * The statistics built one item code at a time, in code order: every figure of an item, its overdue
 * items and its waits depend on that code's rows alone, so a reader of the database need hold only one
 * code's rows at once (`StatsRepository.loadByItemCode`).
 */
export class StatisticsBuilder {
  private readonly items: ItemStatistics[] = [];
  private readonly overdue: OverdueItem[] = [];
  private readonly waits: Wait[] = [];

  constructor(private readonly today: string) {}

  /** Every item and every transition of one item code. */
  addItemCode(items: readonly ItemFacts[], transitions: readonly ItemTransition[]): void {
    this.items.push(...itemStatisticsOf(items, transitions));
    this.overdue.push(...overdueItemsOf(items, this.today));
    this.waits.push(...itemWaitsOf(transitions));
  }

  finish(cases: readonly CaseFacts[]): Statistics {
    const counts = new Map<string, number>();
    for (const c of cases) if (c.submittedAt !== null && c.channel !== null) counts.set(`${c.status}/${c.channel}`, (counts.get(`${c.status}/${c.channel}`) ?? 0) + 1);
    return {
      cases: CASE_STATUSES.flatMap((status) => CASE_CHANNELS.map((channel) => ({ status, channel, count: counts.get(`${status}/${channel}`) ?? 0 }))),
      items: this.items,
      overdue: [...this.overdue].sort(longestOverdueFirst),
      blockingPoints: blockingPointsOf([...this.waits, ...jointReviewWaitsOf(cases)]),
    };
  }
}
