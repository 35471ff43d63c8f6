import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@work-permit/observability';
import { REPORTED_QUANTILES } from './quantile';
import type { Statistics } from './statistics';
import { StatisticsQuery } from './statistics.query';

/**
 * The statistics as gauges, computed from the database at each scrape (so a replica or a replay
 * shows what is committed): `stats_*`.
 */
@Injectable()
export class StatisticsMetrics {
  constructor(registry: MetricsRegistry, query: StatisticsQuery) {
    const gauge = <L extends string>(name: string, help: string, labels: readonly L[], fill: (statistics: Statistics, set: (labels: Record<L, string>, value: number) => void) => void) =>
      registry.gauge('stats', name, help, labels, async function () {
        const statistics = await query.recent();
        this.reset();
        fill(statistics, (values, value) => this.set(values, value));
      });

    gauge('cases', 'Cases by status and channel', ['status', 'channel'], (s, set) => {
      for (const { status, channel, count } of s.cases) set({ status, channel }, count);
    });
    gauge('item_decision_seconds', 'Time from submission to decision, by item and quantile', ['item', 'quantile'], (s, set) => {
      for (const item of s.items) {
        for (const { label, of } of REPORTED_QUANTILES) {
          const value = of(item.decisionSeconds);
          if (value !== undefined) set({ item: item.item, quantile: label }, value);
        }
      }
    });
    gauge('item_decision_working_days', 'Working days from submission to decision as the law counts them (State Council calendar, supplement pauses not counted), by item and quantile', ['item', 'quantile'], (s, set) => {
      for (const item of s.items) {
        for (const { label, of } of REPORTED_QUANTILES) {
          const value = of(item.decisionWorkingDays);
          if (value !== undefined) set({ item: item.item, quantile: label }, value);
        }
      }
    });
    gauge('item_decisions', 'Decided items (granted or rejected), by item', ['item'], (s, set) => {
      for (const item of s.items) set({ item: item.item }, item.granted + item.rejected);
    });
    gauge('overdue_items', 'Items past their due date and not yet ended, by item', ['item'], (s, set) => {
      for (const item of s.items) set({ item: item.item }, s.overdue.filter((o) => o.item === item.item).length);
    });
    gauge('item_supplement_ratio', 'Share of items asked for supplementary materials, by item', ['item'], (s, set) => {
      for (const item of s.items) set({ item: item.item }, item.supplementRate);
    });
    gauge('item_rejection_ratio', 'Share of decided items rejected, by item', ['item'], (s, set) => {
      for (const item of s.items) if (item.rejectionRate !== null) set({ item: item.item }, item.rejectionRate);
    });
    gauge('blocking_wait_seconds', 'Finished waits at each step (item and state), by quantile', ['step', 'quantile'], (s, set) => {
      for (const point of s.blockingPoints) {
        if (point.medianSeconds !== null) set({ step: point.step, quantile: '0.5' }, point.medianSeconds);
        if (point.p90Seconds !== null) set({ step: point.step, quantile: '0.9' }, point.p90Seconds);
      }
    });
    gauge('blocking_waiting', 'Items (or cases, for a joint review) waiting at each step now', ['step'], (s, set) => {
      for (const point of s.blockingPoints) set({ step: point.step }, point.waitingNow);
    });
  }
}
