import { type BeyondCalendar, isWorkingDayNumber } from './holiday-calendar';
import { assertDayCount, fromDayNumber, toDayNumber, type IsoDate } from './iso-date';
import { WorkdayCalendarError, WorkdayCalendarErrorCode } from './workday-calendar.exception';

export type TimeLimitUnit = 'working_days' | 'calendar_days';

export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit;
}

/** The clock stopped for a supplement request: `from` = the day it went out, `to` = the day the answer arrived. */
export interface Pause {
  from: IsoDate;
  /** Absent (or null, as a database row has it) while the applicant has not answered yet. */
  to?: IsoDate | null;
}

/** The day numbers a pause keeps off the clock, both ends included (`last` Infinity while unanswered). */
export interface PausedDays {
  first: number;
  last: number;
}

/**
 * The last day of a time limit counted from `start` (the acceptance date), or undefined while an
 * unanswered pause holds the clock before the limit is used up.
 *
 * Counting starts the day after `start`; a working-day limit counts working days, a calendar-day
 * limit every day. A pause stops the clock from the day after `from` up to and including `to`:
 * the day a supplement request goes out still counts (the agency worked the case that day), and
 * the answer day is treated like a new acceptance, so counting resumes the day after it. A paused
 * day never counts; pauses may overlap. A pause that begins once the limit is already used up
 * does not move the due date, even when still open.
 */
export function dueDate(
  start: IsoDate,
  limit: TimeLimit,
  pauses: readonly Pause[] = [],
  { beyondCalendar = 'throw' }: { beyondCalendar?: BeyondCalendar } = {},
): IsoDate | undefined {
  let day = toDayNumber(start, 'start');
  assertDayCount(limit.amount, 'limit.amount');
  const counts = dayCounter(limit.unit, beyondCalendar);
  const paused = pauses.map(pausedDays);

  for (let remaining = limit.amount; remaining > 0; ) {
    day += 1;
    const pause = paused.find(({ first, last }) => first <= day && day <= last);
    if (pause?.last === Infinity) return undefined;
    if (!pause && counts(day)) remaining -= 1;
  }
  return fromDayNumber(day);
}

function dayCounter(unit: TimeLimitUnit, beyondCalendar: BeyondCalendar): (day: number) => boolean {
  switch (unit) {
    case 'working_days':
      return (day) => isWorkingDayNumber(day, beyondCalendar);
    case 'calendar_days':
      return () => true;
    default:
      throw new WorkdayCalendarError(
        WorkdayCalendarErrorCode.INVALID_ARGUMENT,
        `limit.unit must be working_days or calendar_days, got ${JSON.stringify(unit satisfies never)}`,
      );
  }
}

export function pausedDays({ from, to }: Pause): PausedDays {
  const requested = toDayNumber(from, 'pause.from');
  if (to === undefined || to === null) return { first: requested + 1, last: Infinity };
  const answered = toDayNumber(to, 'pause.to');
  if (answered < requested) {
    throw new WorkdayCalendarError(
      WorkdayCalendarErrorCode.INVALID_ARGUMENT,
      `pause.to (${to}) is before pause.from (${from})`,
    );
  }
  return { first: requested + 1, last: answered };
}
