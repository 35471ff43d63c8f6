import { addCalendarDays, type IsoDate } from '@work-permit/workdays';
import { WorkPermitError, WorkPermitErrorCode } from './work-permit.exception';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Civil dates only, through UTC arithmetic, so the process time zone can never move a date.

export function assertIsoDate(value: unknown, argument: string): asserts value is IsoDate {
  const parts = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (parts) {
    const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    const at = utcDate(year, month - 1, day);
    if (at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day) return;
  }
  throw new WorkPermitError(WorkPermitErrorCode.InvalidDate, `${argument} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** The same day `months` later (earlier when negative), clamped to the end of a shorter month: 08-31 − 6 months = 02-28. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  const first = utcDate(year, month - 1 + months, 1);
  const lastDay = utcDate(first.getUTCFullYear(), first.getUTCMonth() + 1, 0).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/**
 * The last day of a term of `years` whole years starting on `start`: the day before the anniversary.
 * A term from 29 February ends on 28 February, since its anniversary in a common year is 1 March.
 */
export function lastDayOfYears(start: IsoDate, years: number): IsoDate {
  const [year, month, day] = start.split('-').map(Number);
  const anniversary = utcDate(year + years, month - 1, day).toISOString().slice(0, 10);
  return addCalendarDays(anniversary, -1);
}

/** Age in whole years on `on`; someone born on 29 February turns a year older on 1 March in a common year. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function earliest(...dates: IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (b < a ? b : a));
}

export function latest(...dates: IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (b > a ? b : a));
}

// Date.UTC reads the years 0–99 as 1900–1999; setUTCFullYear does not.
function utcDate(year: number, monthIndex: number, day: number): Date {
  const at = new Date(0);
  at.setUTCFullYear(year, monthIndex, day);
  return at;
}
