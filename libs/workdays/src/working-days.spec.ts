import { calendarCoverage } from './holiday-calendar';
import { WorkdayCalendarErrorCode } from './workday-calendar.exception';
import { addWorkingDays, workingDaysBetween } from './working-days';

// Expected dates worked out from chinese-days 1.5.7, dist/chinese-days.json (2026 notice):
// holidays 02-15..02-23 and 10-01..10-07; adjusted workdays 02-14, 02-28, 09-20, 10-10.
describe(addWorkingDays.name, () => {
  it('gives the due date of 10 working days across the 2026 Spring Festival', () => {
    // From Thu 02-12: 02-13 Fri (1), 02-14 Sat adjusted (2), 02-15..02-23 holiday, 02-24 Tue (3),
    // 02-25 (4), 02-26 (5), 02-27 Fri (6), 02-28 Sat adjusted (7), 03-01 Sun off, 03-02 Mon (8),
    // 03-03 (9), 03-04 Wed (10).
    expect(addWorkingDays('2026-02-12', 10)).toBe('2026-03-04');
  });

  it('gives the due date of 5 working days across National Day 2026', () => {
    // From Wed 09-30: 10-01..10-07 holiday, 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat adjusted (3),
    // 10-11 Sun off, 10-12 Mon (4), 10-13 Tue (5).
    expect(addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
  });

  it('skips an ordinary weekend', () => {
    // From Mon 03-09 (no March entries in the data): 03-10..03-13 Tue–Fri (1–4), 03-14/15 off, 03-16 Mon (5).
    expect(addWorkingDays('2026-03-09', 5)).toBe('2026-03-16');
  });

  it('returns start itself for zero working days, even on a holiday', () => {
    expect(addWorkingDays('2026-02-16', 0)).toBe('2026-02-16');
  });

  it('starts counting the day after start', () => {
    // From Fri 03-13: 03-14/15 are the weekend, so the first working day after it is Mon 03-16.
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16');
  });

  it('refuses to count into a year the calendar does not cover', () => {
    // Ten working days from 28 December always run into the next year.
    const start = `${calendarCoverage().lastYear}-12-28`;
    expect(() => addWorkingDays(start, 10)).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.OUTSIDE_CALENDAR }),
    );
  });

  it('rejects a negative count', () => {
    expect(() => addWorkingDays('2026-03-09', -1)).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_ARGUMENT }),
    );
  });

  it('rejects an invalid start date', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_DATE }));
  });
});

describe(workingDaysBetween.name, () => {
  it('counts the working days across the 2026 Spring Festival', () => {
    // The ten days listed for addWorkingDays('2026-02-12', 10).
    expect(workingDaysBetween('2026-02-12', '2026-03-04')).toBe(10);
  });

  it('counts only the adjusted Saturday inside the Spring Festival stretch', () => {
    // After Fri 02-13: 02-14 Sat adjusted (1), 02-15..02-23 holiday.
    expect(workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
  });

  it('includes to but not from', () => {
    // Tue 03-10 is not counted, Wed 03-11 is.
    expect(workingDaysBetween('2026-03-10', '2026-03-11')).toBe(1);
  });

  it('gives zero for the same day', () => {
    expect(workingDaysBetween('2026-03-10', '2026-03-10')).toBe(0);
  });

  it('undoes addWorkingDays', () => {
    expect(workingDaysBetween('2026-09-30', addWorkingDays('2026-09-30', 5))).toBe(5);
  });

  it('rejects to before from', () => {
    expect(() => workingDaysBetween('2026-03-11', '2026-03-10')).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_ARGUMENT }),
    );
  });
});
