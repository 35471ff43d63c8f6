import { join } from 'node:path';
import { dueDate } from './due-date';
import { calendarCoverage, isBeyondCalendar, isWorkingDay, packageCalendarCoverage, useOfficialCalendar } from './holiday-calendar';
import { parseOfficialCalendar, readOfficialCalendarFile } from './official-calendar';
import { WorkdayCalendarError, WorkdayCalendarErrorCode } from './workday-calendar.exception';

// Expected values read from chinese-days 1.5.7, dist/chinese-days.json, which follows the State
// Council notice for 2026: holidays 02-15..02-23 with workdays 02-14 and 02-28 (Spring Festival),
// holidays 10-01..10-07 with workdays 09-20 and 10-10 (National Day), workday 01-04 (New Year).
describe(isWorkingDay.name, () => {
  it('counts the adjusted working Saturday before the Spring Festival', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true);
  });

  it('counts the adjusted working Saturday after the Spring Festival', () => {
    expect(isWorkingDay('2026-02-28')).toBe(true);
  });

  it('counts the adjusted working Saturday after National Day', () => {
    expect(isWorkingDay('2026-10-10')).toBe(true);
  });

  it('counts the adjusted working Sunday after New Year', () => {
    expect(isWorkingDay('2026-01-04')).toBe(true);
  });

  it('does not count a Monday inside the Spring Festival holiday', () => {
    expect(isWorkingDay('2026-02-16')).toBe(false);
  });

  it('does not count a Wednesday inside the National Day holiday', () => {
    expect(isWorkingDay('2026-10-07')).toBe(false);
  });

  it('counts an ordinary Tuesday', () => {
    expect(isWorkingDay('2026-03-10')).toBe(true);
  });

  it('does not count an ordinary Saturday', () => {
    expect(isWorkingDay('2026-03-14')).toBe(false);
  });

  it('refuses a date after the last covered year instead of guessing Monday–Friday', () => {
    expect(() => isWorkingDay(`${calendarCoverage().lastYear + 1}-03-01`)).toThrow(expect.objectContaining({ code: WorkdayCalendarErrorCode.OUTSIDE_CALENDAR }));
  });

  it('refuses a date before the first covered year', () => {
    expect(() => isWorkingDay(`${calendarCoverage().firstYear - 1}-12-31`)).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.OUTSIDE_CALENDAR }),
    );
  });

  it('names the covered years when refusing a date', () => {
    const { firstYear, lastYear } = calendarCoverage();
    expect(() => isWorkingDay(`${lastYear + 1}-01-04`)).toThrow(new RegExp(`covers ${firstYear}–${lastYear}`));
  });

  it('throws a WorkdayCalendarError for a date that does not exist', () => {
    expect(() => isWorkingDay('2026-02-29')).toThrow(WorkdayCalendarError);
  });

  it('reports an invalid date with its code', () => {
    expect(() => isWorkingDay('2026/02/14')).toThrow(expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_DATE }));
  });
});

describe(calendarCoverage.name, () => {
  it('starts with the 2004 notice, the first one chinese-days carries', () => {
    expect(calendarCoverage().firstYear).toBe(2004);
  });

  it('reaches at least the 2026 notice', () => {
    expect(calendarCoverage().lastYear).toBeGreaterThanOrEqual(2026);
  });

  it('answers for every day of the last covered year', () => {
    expect(() => isWorkingDay(`${calendarCoverage().lastYear}-12-31`)).not.toThrow();
  });

  it('hands out a copy that callers cannot change', () => {
    calendarCoverage().lastYear = 9999;
    expect(calendarCoverage().lastYear).not.toBe(9999);
  });
});

describe('with an official calendar file for 2027', () => {
  // The fixture: New Year 2027-01-01..03, Spring Festival 02-05..02-13 with adjusted working Sundays/Saturdays
  // 01-31 and 02-20, National Day 10-01..10-07 with working days 09-26 and 10-09.
  const fixture = join(__dirname, '../test/fixtures/calendar-2027.json');

  beforeEach(() => useOfficialCalendar(readOfficialCalendarFile(fixture, packageCalendarCoverage())));
  afterEach(() => useOfficialCalendar(undefined));

  it('covers 2027', () => {
    expect(calendarCoverage()).toEqual({ firstYear: 2004, lastYear: 2027 });
    expect(isBeyondCalendar('2027-12-31')).toBe(false);
    expect(isBeyondCalendar('2028-01-03')).toBe(true);
  });

  it("counts the file's adjusted working Sunday", () => {
    expect(isWorkingDay('2027-01-31')).toBe(true);
  });

  it("does not count the file's holiday on a Monday", () => {
    expect(isWorkingDay('2027-02-08')).toBe(false);
  });

  it('follows Monday–Friday on the days the file does not list', () => {
    expect(isWorkingDay('2027-03-02')).toBe(true);
    expect(isWorkingDay('2027-03-06')).toBe(false);
  });

  it('gives a due date across New Year 2027 instead of refusing it', () => {
    // From Wed 2026-12-23: 12-24 (1), 12-25 (2), 12-28..12-31 (3–6), 2027-01-01..03 off, 01-04..01-07 (7–10).
    expect(dueDate('2026-12-23', { amount: 10, unit: 'working_days' })).toBe('2027-01-07');
  });

  it('gives a due date across the Spring Festival of the file', () => {
    // From Mon 2027-02-01: 02-02..02-04 (1–3), 02-05..02-13 off, 02-15..02-19 (4–8), 02-20 Sat adjusted (9), 02-22 (10).
    expect(dueDate('2027-02-01', { amount: 10, unit: 'working_days' })).toBe('2027-02-22');
  });

  it('still refuses a date past the file', () => {
    expect(() => isWorkingDay('2028-03-01')).toThrow(expect.objectContaining({ code: WorkdayCalendarErrorCode.OUTSIDE_CALENDAR }));
  });

  it('replaces the package for a year the file names', () => {
    useOfficialCalendar(parseOfficialCalendar({ '2026': { holidays: ['2026-01-01', '2026-03-10'], workdays: [] } }, 'correction.json', packageCalendarCoverage()));
    expect(isWorkingDay('2026-03-10')).toBe(false);
    // The package's 2026 Spring Festival is not the file's: 2026-02-16 is an ordinary Monday by the file.
    expect(isWorkingDay('2026-02-16')).toBe(true);
  });

  it('goes back to the package alone', () => {
    useOfficialCalendar(undefined);
    expect(calendarCoverage().lastYear).toBe(packageCalendarCoverage().lastYear);
  });
});
