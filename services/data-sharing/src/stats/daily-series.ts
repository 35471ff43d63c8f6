import { chinaDateOf } from '@work-permit/platform';
import { addCalendarDays, type IsoDate } from '@work-permit/workdays';
import type { DailyRow } from './stats-aggregates';
import { CASE_CHANNELS, type CaseChannel, type CaseFacts, type ItemFacts } from './stats-model';

/** One day of the series (a civil date in China): cases submitted by channel, completed and withdrawn that day. */
export interface DailyCount {
  day: IsoDate;
  submitted: Record<CaseChannel, number>;
  completed: number;
  withdrawn: number;
}

/** The days of a series, both ends included. */
export interface DayWindow {
  from: IsoDate;
  to: IsoDate;
}

export const DEFAULT_SERIES_DAYS = 30;
export const MAX_SERIES_DAYS = 366;

/** `days` days ending with `to`. */
export function dayWindow(to: IsoDate, days: number): DayWindow {
  return { from: addCalendarDays(to, -(days - 1)), to };
}

/**
 * The daily series over `window`, every day present (zeros included), oldest first. A case counts on
 * the day (in China) its submission occurred; it completed on the day its last chosen item reached an
 * outcome; it was withdrawn on the day the applicant withdrew it (or, when every chosen item ended
 * withdrawn without that, on the day the last one did). Only cases whose submission was seen count, as
 * in `cases`. Every time is an event's `occurredAt`, so a rebuild gives the same series.
 */
export function dailySeriesOf(cases: readonly CaseFacts[], items: readonly ItemFacts[], window: DayWindow): DailyCount[] {
  const days = emptyDays(window);
  const lastOutcome = lastChosenOutcomeByCase(items);
  const on = (at: Date | null | undefined) => (at ? days.get(chinaDateOf(at)) : undefined);
  for (const c of cases) {
    if (c.submittedAt === null || c.channel === null) continue;
    const submitted = on(c.submittedAt);
    if (submitted) submitted.submitted[c.channel] += 1;
    if (c.status === 'completed') {
      const completed = on(lastOutcome.get(c.caseId));
      if (completed) completed.completed += 1;
    }
    if (c.status === 'withdrawn') {
      const withdrawn = on(c.withdrawnAt ?? lastOutcome.get(c.caseId));
      if (withdrawn) withdrawn.withdrawn += 1;
    }
  }
  return [...days.values()];
}

function lastChosenOutcomeByCase(items: readonly ItemFacts[]): Map<string, Date> {
  const last = new Map<string, Date>();
  for (const item of items) {
    if (!item.chosen || item.outcomeAt === null) continue;
    const seen = last.get(item.caseId);
    if (!seen || item.outcomeAt.getTime() > seen.getTime()) last.set(item.caseId, item.outcomeAt);
  }
  return last;
}

/** The same series from the counts the database grouped by day (`StatsRepository`): days outside the window are ignored. */
export function dailySeriesOfCounts(rows: readonly DailyRow[], window: DayWindow): DailyCount[] {
  const days = emptyDays(window);
  for (const { kind, channel, day, count } of rows) {
    const entry = days.get(day);
    if (!entry) continue;
    if (kind === 'submitted' && channel !== null) entry.submitted[channel] += count;
    if (kind === 'completed') entry.completed += count;
    if (kind === 'withdrawn') entry.withdrawn += count;
  }
  return [...days.values()];
}

function emptyDays(window: DayWindow): Map<IsoDate, DailyCount> {
  const days = new Map<IsoDate, DailyCount>();
  for (let day = window.from; day <= window.to; day = addCalendarDays(day, 1)) {
    days.set(day, { day, submitted: Object.fromEntries(CASE_CHANNELS.map((channel) => [channel, 0])) as Record<CaseChannel, number>, completed: 0, withdrawn: 0 });
  }
  return days;
}
