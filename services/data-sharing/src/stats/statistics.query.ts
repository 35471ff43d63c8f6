import { Injectable } from '@nestjs/common';
import { Clock } from '@work-permit/platform';
import { type DailyCount, dailySeriesOf, type DayWindow } from './daily-series';
import { StatisticsBuilder, statisticsOf, type Statistics } from './statistics';
import { StatsRepository } from './stats.repository';

// A scrape reads several gauges at once and a load reads every row (most of a second of CPU for 7,000
// cases), so the gauges share one load for a while: Prometheus sees figures at most a minute old, and
// scraping every 15 s costs one load a minute rather than one per scrape.
const SHARED_FOR_MS = 60_000;

/** The statistics as committed now, for the API and the gauges. */
@Injectable()
export class StatisticsQuery {
  private shared: { at: number; statistics: Promise<Statistics> } | undefined;

  constructor(
    private readonly repository: StatsRepository,
    private readonly clock: Clock,
  ) {}

  /** Read one item code at a time: the heap holds one code's rows, not the whole history's. */
  async current(): Promise<Statistics> {
    const builder = new StatisticsBuilder(this.clock.today());
    const cases = await this.repository.loadByItemCode((items, transitions) => builder.addItemCode(items, transitions));
    return builder.finish(cases);
  }

  /** The statistics and the daily series over `window`, from one snapshot of the rows. */
  async withDailySeries(window: DayWindow): Promise<{ statistics: Statistics; daily: DailyCount[] }> {
    const rows = await this.repository.load();
    return { statistics: statisticsOf(rows, this.clock.today()), daily: dailySeriesOf(rows.cases, rows.items, window) };
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
