import { calendarCoverage, type CalendarCoverage, officialCalendar, packageCalendarCoverage } from './holiday-calendar';
import { toDayNumber, type IsoDate } from './iso-date';

// The State Council publishes the next year's notice between October and December; from this day on
// its absence is worth an operator's attention (a due date may already reach into that year).
const NEXT_YEAR_EXPECTED_FROM = '11-01';

/** Whether the calendar knows enough years, as /health and the metrics report it. */
export interface CalendarStatus {
  firstYear: number;
  /** The last year whose notice the calendar carries (package or file). */
  lastYear: number;
  /** The last year the `chinese-days` package alone carries. */
  packageLastYear: number;
  /** The years WORKDAYS_CALENDAR_FILE adds or overrides, and where it was read from. */
  file: { source: string; years: number[] } | null;
  /** The year of `today` (China). */
  currentYear: number;
  /** From 1 November (China) on: the next year's notice is not in the calendar yet; always when even this year's is missing. */
  nextYearMissing: boolean;
}

/** The status on `today` (a civil date in China) of a calendar covering `coverage`. */
export function calendarStatusOn(
  today: IsoDate,
  coverage: CalendarCoverage,
  sources: { packageLastYear: number; file: CalendarStatus['file'] } = { packageLastYear: coverage.lastYear, file: null },
): CalendarStatus {
  toDayNumber(today, 'today');
  const currentYear = Number(today.slice(0, 4));
  const nextYearExpected = today.slice(5) >= NEXT_YEAR_EXPECTED_FROM;
  const nextYearMissing = coverage.lastYear < currentYear || (nextYearExpected && coverage.lastYear < currentYear + 1);
  return { firstYear: coverage.firstYear, lastYear: coverage.lastYear, packageLastYear: sources.packageLastYear, file: sources.file, currentYear, nextYearMissing };
}

/** The status of the calendar counted with now (the package and the installed calendar file) on `today`. */
export function calendarStatus(today: IsoDate): CalendarStatus {
  const file = officialCalendar();
  return calendarStatusOn(today, calendarCoverage(), {
    packageLastYear: packageCalendarCoverage().lastYear,
    file: file ? { source: file.source, years: [...file.years].sort((a, b) => a - b) } : null,
  });
}
