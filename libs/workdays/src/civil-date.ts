import { addCalendarDays, fromDayNumber, type IsoDate, toDayNumber } from './iso-date';

// Civil-date arithmetic the agencies' rules share (ages, terms, windows), with the same UTC-only
// day numbers as the calendar, so the process time zone can never move a date.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real civil date written `YYYY-MM-DD` (no 30 February). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  try {
    toDayNumber(value, 'value');
    return true;
  } catch {
    return false;
  }
}

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

/** The same day `months` later (earlier when negative), clamped to the end of a shorter month: 08-31 − 6 months = 02-28. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  toDayNumber(date, 'date');
  const [year, month, day] = date.split('-').map(Number);
  const first = utcDate(year, month - 1 + months, 1);
  const lastDay = utcDate(first.getUTCFullYear(), first.getUTCMonth() + 1, 0).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return fromDayNumber(Math.round(first.getTime() / 86_400_000));
}

/**
 * The last day of a term of `years` whole years starting on `start`: the day before the anniversary.
 * A term from 29 February ends on 28 February, since its anniversary in a common year is 1 March.
 */
export function lastDayOfYears(start: IsoDate, years: number): IsoDate {
  toDayNumber(start, 'start');
  const [year, month, day] = start.split('-').map(Number);
  const anniversary = fromDayNumber(Math.round(utcDate(year + years, month - 1, day).getTime() / 86_400_000));
  return addCalendarDays(anniversary, -1);
}

/**
 * The whole months a period from `validFrom` to `validTo`, both days included, covers; a partial
 * month is dropped. 2026-03-02 to 2027-03-01 is 12 months, to 2027-02-28 is 11.
 */
export function wholeMonthsBetween(validFrom: IsoDate, validTo: IsoDate): number {
  const end = addCalendarDays(validTo, 1);
  const [fromYear, fromMonth] = validFrom.split('-').map(Number);
  const [endYear, endMonth] = end.split('-').map(Number);
  let months = (endYear - fromYear) * 12 + (endMonth - fromMonth);
  while (months > 0 && addMonths(validFrom, months) > end) months -= 1;
  return Math.max(months, 0);
}

/** Age in whole years on `on`: a year older on the birthday itself; born on 29 February, on 1 March in a common year. */
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
