import { readFileSync } from 'node:fs';
import { toDayNumber, weekdayOf, type IsoDate } from './iso-date';
import { WorkdayCalendarError, WorkdayCalendarErrorCode } from './workday-calendar.exception';

/**
 * One year of the State Council's holiday notice as the calendar file gives it: every day off
 * (weekends inside a holiday included, as the notice lists them) and every adjusted working weekend
 * (调休上班). A notice may reach back into the last days of December of the year before.
 */
export interface OfficialCalendarYear {
  /** The notice it copies, e.g. 国办发明电〔2026〕7号; for the reader, not checked. */
  notice?: string;
  holidays: IsoDate[];
  workdays: IsoDate[];
}

/** The calendar file: `{ "2027": { "holidays": [...], "workdays": [...] } }`, one key per notice year. */
export type OfficialCalendarFile = Record<string, OfficialCalendarYear>;

/** A validated calendar file, ready to count with (see `useOfficialCalendar`). */
export interface OfficialCalendar {
  /** Where it was read from, for /health and error messages. */
  source: string;
  years: ReadonlySet<number>;
  holidays: ReadonlySet<IsoDate>;
  workdays: ReadonlySet<IsoDate>;
  notices: Readonly<Record<number, string>>;
}

const YEAR_KEY = /^\d{4}$/;
const YEAR_FIELDS = new Set(['notice', 'holidays', 'workdays']);

/**
 * Checks a parsed calendar file and names every problem at once (`invalid_calendar_file`): years as
 * four-digit keys; `holidays` and `workdays` arrays of real dates in that year (or the December before);
 * 1 January among the holidays, as in every notice; each adjusted working day a Saturday or Sunday;
 * no day both off and working, none twice. `coveredYears` are the years the package already carries:
 * together with the file's they must leave no gap, or a due date could fall into a year nobody knows.
 */
export function parseOfficialCalendar(content: unknown, source: string, coveredYears: { firstYear: number; lastYear: number }): OfficialCalendar {
  const problems: string[] = [];
  const years = new Set<number>();
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  const notices: Record<number, string> = {};
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw invalid(source, ['the file must hold a JSON object keyed by year, e.g. { "2027": { "holidays": [...], "workdays": [...] } }']);
  }
  const entries = Object.entries(content as Record<string, unknown>);
  if (entries.length === 0) problems.push('the file names no year');
  for (const [key, value] of entries) {
    if (!YEAR_KEY.test(key)) {
      problems.push(`"${key}" is not a year (four digits)`);
      continue;
    }
    const year = Number(key);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${key} must be an object with "holidays" and "workdays"`);
      continue;
    }
    const fields = value as Record<string, unknown>;
    for (const unknown of Object.keys(fields).filter((field) => !YEAR_FIELDS.has(field))) problems.push(`${key}.${unknown} is not a field of a year (notice, holidays, workdays)`);
    if (fields.notice !== undefined && typeof fields.notice !== 'string') problems.push(`${key}.notice must be a string`);
    else if (typeof fields.notice === 'string') notices[year] = fields.notice;
    const yearHolidays = datesOf(key, 'holidays', fields.holidays, problems);
    const yearWorkdays = datesOf(key, 'workdays', fields.workdays, problems);
    if (yearHolidays && !yearHolidays.includes(`${key}-01-01`)) problems.push(`${key}.holidays lacks ${key}-01-01: every notice gives New Year's Day off`);
    for (const date of yearWorkdays ?? []) {
      const weekday = weekdayOf(toDayNumber(date, 'date'));
      if (weekday !== 0 && weekday !== 6) problems.push(`${key}.workdays has ${date}, a weekday: only a Saturday or Sunday is an adjusted working day`);
      if (yearHolidays?.includes(date)) problems.push(`${key} lists ${date} both as a holiday and as a working day`);
    }
    years.add(year);
    for (const date of yearHolidays ?? []) holidays.add(date);
    for (const date of yearWorkdays ?? []) workdays.add(date);
  }
  const gap = firstGap([...years], coveredYears);
  if (gap !== undefined) problems.push(`no notice for ${gap}: the package covers ${coveredYears.firstYear}–${coveredYears.lastYear} and the file must continue it without a gap`);
  if (problems.length > 0) throw invalid(source, problems);
  return { source, years, holidays, workdays, notices };
}

/** Reads and checks the calendar file at `path`; a missing, unreadable or invalid file throws naming the problem. */
export function readOfficialCalendarFile(path: string, coveredYears: { firstYear: number; lastYear: number }): OfficialCalendar {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw invalid(path, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw invalid(path, [`is not JSON (${(error as Error).message})`]);
  }
  return parseOfficialCalendar(content, path, coveredYears);
}

function datesOf(year: string, field: 'holidays' | 'workdays', value: unknown, problems: string[]): IsoDate[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`${year}.${field} must be an array of dates written YYYY-MM-DD`);
    return undefined;
  }
  const dates: IsoDate[] = [];
  const seen = new Set<string>();
  value.forEach((date, index) => {
    if (!isRealDate(date)) {
      problems.push(`${year}.${field}[${index}] is not a real date written YYYY-MM-DD: ${JSON.stringify(date)}`);
      return;
    }
    // A notice may adjust the last days of the December before (2018-12-29..31 in the 2019 notice).
    if (!date.startsWith(`${year}-`) && !date.startsWith(`${Number(year) - 1}-12-`)) {
      problems.push(`${year}.${field}[${index}] ${date} is neither in ${year} nor in December ${Number(year) - 1}`);
      return;
    }
    if (seen.has(date)) {
      problems.push(`${year}.${field} lists ${date} twice`);
      return;
    }
    seen.add(date);
    dates.push(date);
  });
  return dates;
}

function isRealDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    toDayNumber(value, 'date');
    return true;
  } catch {
    return false;
  }
}

/** The first year between the package's and the file's years that neither names, if any. */
function firstGap(fileYears: number[], covered: { firstYear: number; lastYear: number }): number | undefined {
  const all = new Set(fileYears);
  for (let year = covered.firstYear; year <= covered.lastYear; year += 1) all.add(year);
  const sorted = [...all].sort((a, b) => a - b);
  for (let index = 1; index < sorted.length; index += 1) {
    if (sorted[index] !== sorted[index - 1] + 1) return sorted[index - 1] + 1;
  }
  return undefined;
}

function invalid(source: string, problems: string[]): WorkdayCalendarError {
  return new WorkdayCalendarError(WorkdayCalendarErrorCode.INVALID_CALENDAR_FILE, `the working-day calendar file ${source} is invalid: ${problems.join('; ')}`);
}
