import calendarData from 'chinese-days/dist/chinese-days.json';
import { fromDayNumber, toDayNumber, weekdayOf, type IsoDate } from './iso-date';
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
const coverage: CalendarCoverage = { firstYear: coveredYears[0], lastYear: coveredYears[coveredYears.length - 1] };
if (coveredYears.length === 0 || coveredYears.length !== coverage.lastYear - coverage.firstYear + 1) {
  throw new Error(`chinese-days holds no gapless run of yearly holiday notices: ${coveredYears.join(', ')}`);
}

/** The years whose State Council holiday notice the installed `chinese-days` carries. */
export function calendarCoverage(): CalendarCoverage {
  return { ...coverage };
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

/** True when `date` falls in a year the installed calendar does not cover yet. */
export function isBeyondCalendar(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  return year > coverage.lastYear;
}

export function isWorkingDayNumber(day: number, beyondCalendar: BeyondCalendar = 'throw'): boolean {
  const date = fromDayNumber(day);
  const year = Number(date.slice(0, 4));
  if (beyondCalendar === 'weekdays' && year > coverage.lastYear) {
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6;
  }
  if (year < coverage.firstYear || year > coverage.lastYear) {
    throw new WorkdayCalendarError(
      WorkdayCalendarErrorCode.OUTSIDE_CALENDAR,
      `${date} is outside the holiday calendar, which covers ${coverage.firstYear}–${coverage.lastYear}; ` +
        `update chinese-days once the State Council notice for ${year} is out`,
    );
  }
  if (Object.hasOwn(workdays, date)) return true;
  if (Object.hasOwn(holidays, date)) return false;
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
}
