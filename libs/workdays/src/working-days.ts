import { isWorkingDayNumber } from './holiday-calendar';
import { assertDayCount, fromDayNumber, toDayNumber, type IsoDate } from './iso-date';
import { WorkdayCalendarError, WorkdayCalendarErrorCode } from './workday-calendar.exception';

/** The `n`-th working day after `start`; counting starts the day after, so `n = 0` gives `start` itself. */
export function addWorkingDays(start: IsoDate, n: number): IsoDate {
  let day = toDayNumber(start, 'start');
  assertDayCount(n, 'n');
  for (let remaining = n; remaining > 0; ) {
    day += 1;
    if (isWorkingDayNumber(day)) remaining -= 1;
  }
  return fromDayNumber(day);
}

/** Working days after `from` up to and including `to`: the inverse of `addWorkingDays`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const first = toDayNumber(from, 'from');
  const last = toDayNumber(to, 'to');
  if (last < first) {
    throw new WorkdayCalendarError(WorkdayCalendarErrorCode.INVALID_ARGUMENT, `to (${to}) is before from (${from})`);
  }
  let count = 0;
  for (let day = first + 1; day <= last; day += 1) {
    if (isWorkingDayNumber(day)) count += 1;
  }
  return count;
}
