import { calendarCoverage, isWorkingDay } from './holiday-calendar';
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
