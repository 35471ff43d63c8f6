import { Injectable } from '@nestjs/common';
import { Clock } from '@work-permit/platform';
import { type DailyCount, dailySeriesOfCounts, type DayWindow } from './daily-series';
import type { Statistics } from './statistics';
import { statisticsOfAggregates } from './stats-aggregates';
import { StatsRepository } from './stats.repository';

// A scrape reads several gauges at once, and each read has PostgreSQL sum up every row (about half a
// second of its CPU for 7,400 cases), so the gauges share one read for a minute: Prometheus sees
// figures at most a minute old, and one read a minute costs the database little however often it scrapes.
const SHARED_FOR_MS = 60_000;

/** The statistics as committed now, for the API and the gauges. */
@Injectable()
export class StatisticsQuery {
  private shared: { at: number; statistics: Promise<Statistics> } | undefined;

  constructor(
    private readonly repository: StatsRepository,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<Statistics> {
    const { aggregates } = await this.repository.aggregates();
    return statisticsOfAggregates(aggregates, this.clock.today());
  }

  /** The statistics and the daily series over `window`, from one snapshot. */
  async withDailySeries(window: DayWindow): Promise<{ statistics: Statistics; daily: DailyCount[] }> {
    const { aggregates, daily } = await this.repository.aggregates(window);
    return { statistics: statisticsOfAggregates(aggregates, this.clock.today()), daily: dailySeriesOfCounts(daily, window) };
  }

  /** For the gauges: the same answer for SHARED_FOR_MS. */
  recent(): Promise<Statistics> {
    const now = Date.now();
    if (!this.shared || now - this.shared.at > SHARED_FOR_MS) {
      const statistics = this.current();
      this.shared = { at: now, statistics };
      // A failed load is not shared: the next gauge tries again.
      statistics.catch(() => (this.shared = undefined));
    }
    return this.shared.statistics;
  }
}
