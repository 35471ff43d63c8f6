import calendarData from 'chinese-days/dist/chinese-days.json';
import { fromDayNumber, toDayNumber, weekdayOf, type IsoDate } from './iso-date';
import type { OfficialCalendar } from './official-calendar';
import { WorkdayCalendarError, WorkdayCalendarErrorCode } from './workday-calendar.exception';

// The package's published data file rather than its functions: those parse and format dates with
// local-time getters and answer for the neighbouring day in time zones west of UTC (chinese-days
// 1.5.7 under TZ=America/New_York calls 2026-02-14 a day off). The file is the State Council
// notices keyed `YYYY-MM-DD`: `holidays` are days off (weekdays given off in lieu included),
// `workdays` are the adjusted working weekends (调休上班). Everything else follows Monday–Friday.
const holidays: Readonly<Record<string, string>> = calendarData.holidays;
const workdays: Readonly<Record<string, string>> = calendarData.workdays;

export interface CalendarCoverage {
  firstYear: number;
  lastYear: number;
}

// A year is covered once its notice is in the data. Every notice gives 1 January off; other keys
// can belong to the next year's notice reaching back into late December (2007-12-30 for 2008).
const coveredYears = Object.keys(holidays)
  .filter((date) => date.endsWith('-01-01'))
  .map((date) => Number(date.slice(0, 4)))
  .sort((a, b) => a - b);
const packageCoverage: CalendarCoverage = { firstYear: coveredYears[0], lastYear: coveredYears[coveredYears.length - 1] };
if (coveredYears.length === 0 || coveredYears.length !== packageCoverage.lastYear - packageCoverage.firstYear + 1) {
  throw new Error(`chinese-days holds no gapless run of yearly holiday notices: ${coveredYears.join(', ')}`);
}

// Process-wide, like the package data it extends: due dates are worked out in plain functions all
// over the agencies' rules, and one official calendar holds for the whole process.
let official: OfficialCalendar | undefined;
let coverage: CalendarCoverage = packageCoverage;

/** The years whose State Council holiday notice the calendar carries: the package's, extended by the official calendar file. */
export function calendarCoverage(): CalendarCoverage {
  return { ...coverage };
}

/** The years the installed `chinese-days` package alone carries. */
export function packageCalendarCoverage(): CalendarCoverage {
  return { ...packageCoverage };
}

/**
 * Counts with `calendar` (a validated calendar file, see `readOfficialCalendarFile`) from now on: for
 * each year it names, its days off and adjusted working days replace the package's; the dates it lists
 * in the December before override the package's for those dates. `undefined` goes back to the package alone.
 */
export function useOfficialCalendar(calendar: OfficialCalendar | undefined): void {
  official = calendar;
  const years = [...(calendar?.years ?? [])];
  coverage = { firstYear: Math.min(packageCoverage.firstYear, ...years), lastYear: Math.max(packageCoverage.lastYear, ...years) };
}

/** The official calendar file counted with, if any. */
export function officialCalendar(): OfficialCalendar | undefined {
  return official;
}

export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(toDayNumber(date, 'date'));
}

/**
 * What to do with a day in a year whose State Council notice is not in the data yet: refuse
 * (`throw`, the default), or reckon Monday–Friday as working days (`weekdays`) for a due date that is
 * provisional until the notice is published.
 */
export type BeyondCalendar = 'throw' | 'weekdays';

/** True when `date` falls in a year the calendar does not cover yet. */
export function isBeyondCalendar(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  return year > coverage.lastYear;
}

export function isWorkingDayNumber(day: number, beyondCalendar: BeyondCalendar = 'throw'): boolean {
  const date = fromDayNumber(day);
  const year = Number(date.slice(0, 4));
  if (beyondCalendar === 'weekdays' && year > coverage.lastYear) return isWeekday(day);
  if (year < coverage.firstYear || year > coverage.lastYear) {
    throw new WorkdayCalendarError(
      WorkdayCalendarErrorCode.OUTSIDE_CALENDAR,
      `${date} is outside the holiday calendar, which covers ${coverage.firstYear}–${coverage.lastYear}; ` +
        `update chinese-days or add the State Council notice for ${year} to WORKDAYS_CALENDAR_FILE`,
    );
  }
  if (official) {
    if (official.workdays.has(date)) return true;
    if (official.holidays.has(date)) return false;
    if (official.years.has(year)) return isWeekday(day);
  }
  if (Object.hasOwn(workdays, date)) return true;
  if (Object.hasOwn(holidays, date)) return false;
  return isWeekday(day);
}

function isWeekday(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
}
