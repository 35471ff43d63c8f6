/**
 * Observed decision times (issue 15, B2): how long an item has taken, measured as the forecast counts
 * — working days its clock ran from its start to the decision, the days it stood still for a
 * supplement left out — and kept as a histogram of whole working days, so a store can fold one
 * decision in at a time and the median is read back exactly.
 */
import { addCalendarDays, dueDate, type IsoDate, type Pause } from '@work-permit/workdays';
import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import { assertCalendarDate } from '../shared/calendar-date';

/** How long an item has taken once measured: the median working days from its clock's start to a decision, and of how many decisions. */
export interface ObservedDecisionTime {
  /** Decisions observed (in the store's window). */
  decisions: number;
  /** Their median in working days (the mean of the middle two for an even count). */
  medianWorkingDays: number;
}

/** One bar of the histogram: how many decisions took `workingDays`. */
export interface DecisionTimeBucket {
  workingDays: number;
  decisions: number;
}

/**
 * The working days an item's clock ran from `start` (the day it started: submission, or the day the
 * prerequisite it waited for was decided) to `decidedOn`: each working day after `start` up to and
 * including `decidedOn` on which no supplement held the clock — the inverse of libs/workdays
 * `dueDate` over the same pauses (a pause holds the days after its request up to and including the
 * day the documents came). A pause still open is taken as closed on the decision day. Past the years
 * the holiday calendar covers, Monday to Friday count, as the forecast counts them. 0 for a decision
 * on the day the clock started.
 */
export function clockWorkingDays(start: IsoDate, decidedOn: IsoDate, pauses: readonly Pause[] = []): number {
  assertCalendarDate(start, 'start');
  assertCalendarDate(decidedOn, 'decidedOn');
  if (decidedOn < start) throw new CatalogueError(CatalogueErrorCode.InvalidArgument, `decidedOn (${decidedOn}) is before the clock's start (${start})`);
  const closed = pauses.map((pause) => ({ from: pause.from, to: pause.to ?? decidedOn }));
  const held = (day: IsoDate) => closed.some((pause) => pause.from < day && day <= pause.to);
  let count = 0;
  for (let day = addCalendarDays(start, 1); day <= decidedOn; day = addCalendarDays(day, 1)) {
    if (!held(day) && isCountedWorkingDay(day)) count += 1;
  }
  return count;
}

/**
 * The median of a histogram of decision times (R's type 7, as the statistics report it: the mean of
 * the middle two for an even count), with how many decisions it rests on; undefined for none.
 * Buckets of the same `workingDays` add up; empty ones are ignored.
 */
export function observedDecisionTime(buckets: readonly DecisionTimeBucket[]): ObservedDecisionTime | undefined {
  const merged = new Map<number, number>();
  for (const { workingDays, decisions } of buckets) {
    if (!Number.isInteger(workingDays) || workingDays < 0 || !Number.isInteger(decisions) || decisions < 0) {
      throw new CatalogueError(CatalogueErrorCode.InvalidArgument, `a bucket is whole working days ≥ 0 and a count ≥ 0, not ${workingDays} × ${decisions}`);
    }
    if (decisions > 0) merged.set(workingDays, (merged.get(workingDays) ?? 0) + decisions);
  }
  const sorted = [...merged.entries()].sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return undefined;
  // The 0-based ranks of the middle value(s): one for an odd count, two for an even one.
  const at = (rank: number) => {
    let seen = 0;
    for (const [days, n] of sorted) {
      seen += n;
      if (rank < seen) return days;
    }
    throw new Error('unreachable: rank within the total');
  };
  const lower = at(Math.floor((total - 1) / 2));
  const upper = at(Math.ceil((total - 1) / 2));
  return { decisions: total, medianWorkingDays: (lower + upper) / 2 };
}

/** A working day as the forecast counts one (weekdays past the calendar's last year). */
function isCountedWorkingDay(day: IsoDate): boolean {
  return dueDate(addCalendarDays(day, -1), { amount: 1, unit: 'working_days' }, [], { beyondCalendar: 'weekdays' }) === day;
}
