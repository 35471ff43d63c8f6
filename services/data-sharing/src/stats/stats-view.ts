import { type Lang, type Localized, localize } from '@work-permit/catalogue';
import type { DailyCount } from './daily-series';
import type { Distribution } from './quantile';
import type { ReasonCount } from './item-statistics';
import { CASE_CHANNELS, CASE_STATUSES, type CaseChannel, type CaseStatus } from './stats-model';
import type { Statistics } from './statistics';

/**
 * A reason as `/api/stats` counts it: by catalogue `code` (`officer.reason` for every officer's own
 * words), `reason` its label in the request's language (Chinese by default), `reasons` in both.
 */
export interface ReasonCountView {
  code: string;
  reason: string;
  reasons: Localized;
  count: number;
}

/**
 * `GET /api/stats`: durations in hours and, beside them, in working days as the law counts them; rates
 * as fractions (0..1); all to 4 decimals; reasons labelled in `lang`.
 */
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
    /** The same decisions in working days as the law counts (supplement pauses not counted); `provisional` when one fell in a year without a holiday notice. */
    decisionWorkingDays: { count: number; median: number | null; p90: number | null; provisional: boolean };
    supplementRate: number;
    rejectionRate: number | null;
    topRejectionReasons: ReasonCountView[];
    topTerminationReasons: ReasonCountView[];
    topSupplementReasons: ReasonCountView[];
    /** By material code, labelled with the material's name. */
    topRequestedMaterials: ReasonCountView[];
    everOverdue: number;
  }[];
  overdue: {
    count: number;
    byItem: Record<string, number>;
    /** The most working days any item is past its due date today in China; null when none is overdue or none carried a due date. */
    maxWorkingDaysOverdue: number | null;
    items: { caseId: string; item: string; agency: string | null; dueDate: string | null; since: string; workingDaysOverdue: number | null }[];
  };
  blockingPoints: { step: string; item: string | null; state: string; count: number; medianHours: number | null; p90Hours: number | null; waitingNow: number }[];
  /** Cases submitted (by channel), completed and withdrawn per day in China, oldest first, every day of the window present. */
  daily: DailyCount[];
}

export function statsViewOf(statistics: Statistics, daily: DailyCount[], lang: Lang = 'zh'): StatsView {
  const reasons = (counts: readonly ReasonCount[]) => counts.map((count) => reasonCountView(count, lang));
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
    items: statistics.items.map(({ decisionSeconds, decisionWorkingDays, supplementRate, rejectionRate, topRejectionReasons, topTerminationReasons, topSupplementReasons, topRequestedMaterials, ...item }) => ({
      ...item,
      decisionHours: hoursOf(decisionSeconds),
      decisionWorkingDays: { count: decisionWorkingDays.count, median: rounded(decisionWorkingDays.median), p90: rounded(decisionWorkingDays.p90), provisional: decisionWorkingDays.provisional },
      supplementRate: round(supplementRate),
      rejectionRate: rejectionRate === null ? null : round(rejectionRate),
      topRejectionReasons: reasons(topRejectionReasons),
      topTerminationReasons: reasons(topTerminationReasons),
      topSupplementReasons: reasons(topSupplementReasons),
      topRequestedMaterials: reasons(topRequestedMaterials),
    })),
    overdue: {
      count: statistics.overdue.length,
      byItem: overdueByItem,
      maxWorkingDaysOverdue: maxOf(statistics.overdue.map((o) => o.workingDaysOverdue)),
      items: statistics.overdue.map((o) => ({ ...o, since: o.since.toISOString() })),
    },
    blockingPoints: statistics.blockingPoints.map(({ medianSeconds, p90Seconds, ...point }) => ({ ...point, medianHours: hours(medianSeconds), p90Hours: hours(p90Seconds) })),
    daily,
  };
}

function reasonCountView({ code, label, count }: ReasonCount, lang: Lang): ReasonCountView {
  const reasons = localize(label);
  return { code, reason: reasons[lang], reasons, count };
}

function hoursOf(distribution: Distribution): StatsView['items'][number]['decisionHours'] {
  return { count: distribution.count, median: hours(distribution.median ?? null), p90: hours(distribution.p90 ?? null) };
}

function hours(seconds: number | null): number | null {
  return seconds === null ? null : round(seconds / 3600);
}

function rounded(value: number | undefined): number | null {
  return value === undefined ? null : round(value);
}

function maxOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : Math.max(...known);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
