import { dueDate } from './due-date';
import { calendarCoverage, isBeyondCalendar } from './holiday-calendar';
import { workingDaysBetween } from './working-days';
import { WorkdayCalendarErrorCode } from './workday-calendar.exception';

// Expected dates worked out from chinese-days 1.5.7, dist/chinese-days.json (2026 notice):
// holidays 02-15..02-23 and 10-01..10-07; adjusted workdays 02-14, 02-28, 09-20, 10-10; no entries in March.
// A pause { from, to } stops the clock on the days after `from` up to and including `to`.
describe(dueDate.name, () => {
  it('gives the work permit review deadline of 10 working days across the 2026 Spring Festival', () => {
    // From Thu 02-12: 02-13 (1), 02-14 Sat adjusted (2), holiday to 02-23, 02-24..02-27 (3–6),
    // 02-28 Sat adjusted (7), 03-02 (8), 03-03 (9), 03-04 Wed (10).
    expect(dueDate('2026-02-12', { amount: 10, unit: 'working_days' })).toBe('2026-03-04');
  });

  it('gives the A-category review deadline of 5 working days across National Day 2026', () => {
    // From Wed 09-30: holiday 10-01..10-07, 10-08 (1), 10-09 (2), 10-10 Sat adjusted (3), 10-12 (4), 10-13 Tue (5).
    expect(dueDate('2026-09-30', { amount: 5, unit: 'working_days' })).toBe('2026-10-13');
  });

  it('gives a plain working week', () => {
    // From Mon 03-09: 03-10..03-13 (1–4), weekend, 03-16 Mon (5).
    expect(dueDate('2026-03-09', { amount: 5, unit: 'working_days' })).toBe('2026-03-16');
  });

  it('gives the residence permit deadline of 15 calendar days, holidays included', () => {
    // 2026-09-28 + 15 calendar days; National Day days count like any other.
    expect(dueDate('2026-09-28', { amount: 15, unit: 'calendar_days' })).toBe('2026-10-13');
  });

  it('returns start itself for a zero limit', () => {
    expect(dueDate('2026-03-09', { amount: 0, unit: 'working_days' })).toBe('2026-03-09');
  });

  it('moves a working-day deadline by the paused working days', () => {
    // Unpaused, 10 working days from Mon 03-09 end Mon 03-23. Request Wed 03-11, answer Mon 03-16:
    // 03-12, 03-13 and 03-16 are paused working days, so 03-10, 03-11, 03-17..03-20, 03-23..03-26 count.
    const pauses = [{ from: '2026-03-11', to: '2026-03-16' }];
    expect(dueDate('2026-03-09', { amount: 10, unit: 'working_days' }, pauses)).toBe('2026-03-26');
  });

  it('moves a calendar-day deadline by the paused days', () => {
    // Request 10-01, answer 10-05: 10-02..10-05 paused, so 15 days from 09-28 end 4 days later than 10-13.
    const pauses = [{ from: '2026-10-01', to: '2026-10-05' }];
    expect(dueDate('2026-09-28', { amount: 15, unit: 'calendar_days' }, pauses)).toBe('2026-10-17');
  });

  it('still counts the day the supplement request went out', () => {
    // Request Tue 03-10, answer Thu 03-12: 03-10 counts, so one working day from 03-09 ends that day.
    const pauses = [{ from: '2026-03-10', to: '2026-03-12' }];
    expect(dueDate('2026-03-09', { amount: 1, unit: 'working_days' }, pauses)).toBe('2026-03-10');
  });

  it('does not count the day the answer arrived', () => {
    // Request Tue 03-10, answer Thu 03-12: 03-10 (1), 03-11 and 03-12 paused, 03-13 Fri (2).
    const pauses = [{ from: '2026-03-10', to: '2026-03-12' }];
    expect(dueDate('2026-03-09', { amount: 2, unit: 'working_days' }, pauses)).toBe('2026-03-13');
  });

  it('costs nothing for a pause answered the same day', () => {
    const pauses = [{ from: '2026-03-11', to: '2026-03-11' }];
    expect(dueDate('2026-03-09', { amount: 5, unit: 'working_days' }, pauses)).toBe('2026-03-16');
  });

  it('counts a day covered by two overlapping pauses once as paused', () => {
    // The pauses cover 03-11..03-13 and 03-12..03-16, together 03-11..03-16:
    // 03-10 (1), 03-17..03-20 (2–5).
    const pauses = [
      { from: '2026-03-10', to: '2026-03-13' },
      { from: '2026-03-11', to: '2026-03-16' },
    ];
    expect(dueDate('2026-03-09', { amount: 5, unit: 'working_days' }, pauses)).toBe('2026-03-20');
  });

  it('is undefined while an open pause holds the clock', () => {
    const pauses = [{ from: '2026-03-11' }];
    expect(dueDate('2026-03-09', { amount: 10, unit: 'working_days' }, pauses)).toBeUndefined();
  });

  it('treats a null answer date as an open pause', () => {
    const pauses = [{ from: '2026-03-11', to: null }];
    expect(dueDate('2026-03-09', { amount: 10, unit: 'working_days' }, pauses)).toBeUndefined();
  });

  it('keeps the deadline when an open pause starts on the due date', () => {
    // Unpaused, 5 working days from 03-09 end 03-16; a request that day pauses only the days after it.
    const pauses = [{ from: '2026-03-16' }];
    expect(dueDate('2026-03-09', { amount: 5, unit: 'working_days' }, pauses)).toBe('2026-03-16');
  });

  it('rejects a pause answered before it was requested', () => {
    const pauses = [{ from: '2026-03-12', to: '2026-03-11' }];
    expect(() => dueDate('2026-03-09', { amount: 5, unit: 'working_days' }, pauses)).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_ARGUMENT }),
    );
  });

  it('rejects an invalid pause date', () => {
    const pauses = [{ from: '2026-03-32', to: '2026-04-01' }];
    expect(() => dueDate('2026-03-09', { amount: 5, unit: 'working_days' }, pauses)).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_DATE }),
    );
  });

  it('rejects an invalid start date', () => {
    expect(() => dueDate('09/03/2026', { amount: 5, unit: 'working_days' })).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_DATE }),
    );
  });

  it('rejects a negative amount', () => {
    expect(() => dueDate('2026-03-09', { amount: -1, unit: 'calendar_days' })).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_ARGUMENT }),
    );
  });

  it('rejects an unknown unit', () => {
    const limit = { amount: 5, unit: 'hours' } as unknown as Parameters<typeof dueDate>[1];
    expect(() => dueDate('2026-03-09', limit)).toThrow(expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_ARGUMENT }));
  });

  describe('into a year whose holiday notice is not published yet', () => {
    const lastYear = calendarCoverage().lastYear;
    const lateDecember = `${lastYear}-12-28`;

    it('refuses by default, naming the missing notice', () => {
      expect(() => dueDate(lateDecember, { amount: 10, unit: 'working_days' })).toThrow(
        expect.objectContaining({ code: WorkdayCalendarErrorCode.OUTSIDE_CALENDAR }),
      );
    });

    it('counts Monday to Friday beyond the calendar when asked, and the known days as published', () => {
      const due = dueDate(lateDecember, { amount: 10, unit: 'working_days' }, [], { beyondCalendar: 'weekdays' })!;
      expect(isBeyondCalendar(due)).toBe(true);
      const known = workingDaysBetween(lateDecember, `${lastYear}-12-31`);
      const weekdaysAfter = countWeekdays(`${lastYear + 1}-01-01`, due);
      expect(known + weekdaysAfter).toBe(10);
      expect([0, 6]).not.toContain(new Date(`${due}T00:00:00Z`).getUTCDay());
    });
  });
});

function countWeekdays(from: string, to: string): number {
  let count = 0;
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) count += 1;
  }
  return count;
}
