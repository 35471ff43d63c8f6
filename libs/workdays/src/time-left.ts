import { type Pause, type PausedDays, pausedDays } from './due-date';
import { type BeyondCalendar, isWorkingDayNumber } from './holiday-calendar';
import { toDayNumber, type IsoDate } from './iso-date';

export interface WorkingDayCountOptions {
  /** A day in a year whose holiday notice is not in the calendar yet: refuse (`throw`, the default) or reckon Monday–Friday (`weekdays`). */
  beyondCalendar?: BeyondCalendar;
}

/**
 * The working days left on `today` for a time limit whose last day is `due`, counted as the law
 * counts a period: the working days after `today` up to and including `due`. The due date itself
 * leaves 0 (the day is not over, but no working day remains after it), and so does a day from which
 * only days off remain up to a due date that is not a working day (a calendar-day limit may end on a
 * Sunday). Past the due date the answer is negative: minus the working days after `due` up to and
 * including `today` (due Friday 2026-02-13, on Tuesday 02-24 it is −2: the adjusted working Saturday
 * 02-14 and 02-24, the Spring Festival holiday between them not counted) — still 0 on the days off
 * right after a due date, although the date has passed.
 */
export function workingDaysLeft(today: IsoDate, due: IsoDate, { beyondCalendar = 'throw' }: WorkingDayCountOptions = {}): number {
  const now = toDayNumber(today, 'today');
  const last = toDayNumber(due, 'due');
  // `0 -` rather than unary minus: past the due date during a holiday is 0, never -0.
  return now <= last ? countWorkingDays(now, last, [], beyondCalendar) : 0 - countWorkingDays(last, now, [], beyondCalendar);
}

/**
 * The working days a time limit used from `start` (the acceptance date) to `end` (the day of the
 * decision), as `dueDate` counts them: the working days after `start` up to and including `end`,
 * less those a pause stopped the clock on (the days after a supplement request went out up to and
 * including the day it was answered; an unanswered pause holds the clock to `end`). So a decision on
 * the due date of an n-working-day limit has used exactly n. 0 when `end` is not after `start`.
 */
export function workingDaysUsed(start: IsoDate, end: IsoDate, pauses: readonly Pause[] = [], { beyondCalendar = 'throw' }: WorkingDayCountOptions = {}): number {
  const first = toDayNumber(start, 'start');
  const last = toDayNumber(end, 'end');
  const paused = pauses.map(pausedDays);
  return last <= first ? 0 : countWorkingDays(first, last, paused, beyondCalendar);
}

function countWorkingDays(after: number, through: number, paused: readonly PausedDays[], beyondCalendar: BeyondCalendar): number {
  let count = 0;
  for (let day = after + 1; day <= through; day += 1) {
    if (!paused.some(({ first, last }) => first <= day && day <= last) && isWorkingDayNumber(day, beyondCalendar)) count += 1;
  }
  return count;
}
