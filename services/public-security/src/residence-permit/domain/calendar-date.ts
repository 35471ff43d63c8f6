import { addCalendarDays, type IsoDate } from '@work-permit/workdays';
import { ResidencePermitError, ResidencePermitErrorCode } from './residence-permit.exception';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const MONTHS_PER_YEAR = 12;

/** A real civil date written `YYYY-MM-DD` (no 30 February). */
export function assertIsoDate(value: unknown, name: string): asserts value is IsoDate {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return;
  }
  throw new ResidencePermitError(ResidencePermitErrorCode.InvalidArgument, `${name} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/** Calendar days from `from` to `to`, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** The same day `months` later (earlier when negative), clamped to the end of a shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/**
 * The whole months a period from `validFrom` to `validTo`, both days included, covers; a partial
 * month is dropped. 2026-03-02 to 2027-03-01 is 12 months, to 2027-02-28 is 11.
 */
export function wholeMonthsBetween(validFrom: IsoDate, validTo: IsoDate): number {
  const end = addCalendarDays(validTo, 1);
  const [fromYear, fromMonth] = validFrom.split('-').map(Number);
  const [endYear, endMonth] = end.split('-').map(Number);
  let months = (endYear - fromYear) * MONTHS_PER_YEAR + (endMonth - fromMonth);
  while (months > 0 && addMonths(validFrom, months) > end) months -= 1;
  return Math.max(months, 0);
}

/** Age in completed years on `day`; someone born on 29 February turns a year older on 1 March in other years. */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
