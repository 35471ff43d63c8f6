import type { DailyCount } from './daily-series';
import type { Distribution } from './quantile';
import type { ReasonCount } from './item-statistics';
import { CASE_CHANNELS, CASE_STATUSES, type CaseChannel, type CaseStatus } from './stats-model';
import type { Statistics } from './statistics';

/** `GET /api/stats`: durations in hours, rates as fractions (0..1), both to 4 decimals. */
export interface StatsView {
  cases: {
    total: number;
    byStatus: Record<CaseStatus, number>;
    byChannel: Record<CaseChannel, number>;
    byStatusAndChannel: { status: CaseStatus; channel: CaseChannel; count: number }[];
  };
  items: {
    item: string;
    agency: string | null;
    total: number;
    open: number;
    granted: number;
    rejected: number;
    terminated: number;
    withdrawn: number;
    decisionHours: { count: number; median: number | null; p90: number | null };
    supplementRate: number;
    rejectionRate: number | null;
    topRejectionReasons: ReasonCount[];
    topSupplementReasons: ReasonCount[];
    topRequestedMaterials: ReasonCount[];
    everOverdue: number;
  }[];
  overdue: { count: number; byItem: Record<string, number>; items: { caseId: string; item: string; agency: string | null; dueDate: string | null; since: string }[] };
  blockingPoints: { step: string; item: string | null; state: string; count: number; medianHours: number | null; p90Hours: number | null; waitingNow: number }[];
  /** Cases submitted (by channel), completed and withdrawn per day in China, oldest first, every day of the window present. */
  daily: DailyCount[];
}

export function statsViewOf(statistics: Statistics, daily: DailyCount[]): StatsView {
  const sum = (pick: (c: Statistics['cases'][number]) => boolean) => statistics.cases.filter(pick).reduce((total, c) => total + c.count, 0);
  const overdueByItem: Record<string, number> = {};
  for (const overdue of statistics.overdue) overdueByItem[overdue.item] = (overdueByItem[overdue.item] ?? 0) + 1;
  return {
    cases: {
      total: sum(() => true),
      byStatus: Object.fromEntries(CASE_STATUSES.map((status) => [status, sum((c) => c.status === status)])) as Record<CaseStatus, number>,
      byChannel: Object.fromEntries(CASE_CHANNELS.map((channel) => [channel, sum((c) => c.channel === channel)])) as Record<CaseChannel, number>,
      byStatusAndChannel: statistics.cases,
    },
    items: statistics.items.map(({ decisionSeconds, supplementRate, rejectionRate, ...item }) => ({
      ...item,
      decisionHours: hoursOf(decisionSeconds),
      supplementRate: round(supplementRate),
      rejectionRate: rejectionRate === null ? null : round(rejectionRate),
    })),
    overdue: {
      count: statistics.overdue.length,
      byItem: overdueByItem,
      items: statistics.overdue.map((o) => ({ ...o, since: o.since.toISOString() })),
    },
    blockingPoints: statistics.blockingPoints.map(({ medianSeconds, p90Seconds, ...point }) => ({ ...point, medianHours: hours(medianSeconds), p90Hours: hours(p90Seconds) })),
    daily,
  };
}

function hoursOf(distribution: Distribution): StatsView['items'][number]['decisionHours'] {
  return { count: distribution.count, median: hours(distribution.median ?? null), p90: hours(distribution.p90 ?? null) };
}

function hours(seconds: number | null): number | null {
  return seconds === null ? null : round(seconds / 3600);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
