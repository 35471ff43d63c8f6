import { WorkdayCalendarError, WorkdayCalendarErrorCode } from './workday-calendar.exception';

/** A civil date in China, `YYYY-MM-DD`, with no time and no time zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Dates are handled as whole days since 1970-01-01 using only UTC arithmetic, so the process time
// zone can never move a civil date (as `new Date('2026-02-14')` read through local getters would).
export function toDayNumber(date: IsoDate, argument: string): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match) {
    const at = new Date(0);
    at.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    const day = at.getTime() / MS_PER_DAY;
    // Date rolls 2026-02-30 over to 2026-03-02; only a real date survives the round trip.
    if (fromDayNumber(day) === date) return day;
  }
  throw new WorkdayCalendarError(
    WorkdayCalendarErrorCode.INVALID_DATE,
    `${argument} must be a real date written YYYY-MM-DD, got ${JSON.stringify(date)}`,
  );
}

export function fromDayNumber(day: number): IsoDate {
  const at = new Date(day * MS_PER_DAY);
  const year = String(at.getUTCFullYear()).padStart(4, '0');
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  const dayOfMonth = String(at.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${dayOfMonth}`;
}

const FIRST_DAY = toDayNumber('0000-01-01', 'FIRST_DAY');
const LAST_DAY = toDayNumber('9999-12-31', 'LAST_DAY');

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

export function assertDayCount(value: number, argument: string, { negativeAllowed = false } = {}): void {
  if (!Number.isSafeInteger(value) || (!negativeAllowed && value < 0)) {
    throw new WorkdayCalendarError(
      WorkdayCalendarErrorCode.INVALID_ARGUMENT,
      `${argument} must be a ${negativeAllowed ? '' : 'non-negative '}whole number of days, got ${String(value)}`,
    );
  }
}

/** `start` moved by `n` calendar days (negative `n` goes back); needs no holiday calendar. */
export function addCalendarDays(start: IsoDate, n: number): IsoDate {
  const day = toDayNumber(start, 'start');
  assertDayCount(n, 'n', { negativeAllowed: true });
  const result = day + n;
  if (result < FIRST_DAY || result > LAST_DAY) {
    throw new WorkdayCalendarError(
      WorkdayCalendarErrorCode.INVALID_ARGUMENT,
      `${start} + ${n} days leaves the years 0000–9999`,
    );
  }
  return fromDayNumber(result);
}
