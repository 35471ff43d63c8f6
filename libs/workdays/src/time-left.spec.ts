import { dueDate } from './due-date';
import { calendarCoverage } from './holiday-calendar';
import { workingDaysLeft, workingDaysUsed } from './time-left';
import { WorkdayCalendarErrorCode } from './workday-calendar.exception';

// Worked out by hand from chinese-days 1.5.7, dist/chinese-days.json (the 2026 notice): Spring Festival
// 02-15..02-23 off with the adjusted working Saturdays 02-14 and 02-28; Mid-Autumn 09-25..09-27 off;
// National Day 10-01..10-07 off with the adjusted working Sunday 09-20 and Saturday 10-10.
describe(workingDaysLeft.name, () => {
  it('counts the working days after today up to the due date across the 2026 Spring Festival', () => {
    // From Thu 02-12: 02-13 (1), Sat 02-14 adjusted (2), 02-15..02-23 off, 02-24..02-27 (3–6),
    // Sat 02-28 adjusted (7), 03-02..03-04 (8–10).
    expect(workingDaysLeft('2026-02-12', '2026-03-04')).toBe(10);
    // From Fri 02-13 to Tue 02-24: the adjusted Saturday and 02-24 itself.
    expect(workingDaysLeft('2026-02-13', '2026-02-24')).toBe(2);
    // In the middle of the holiday only 02-24 is left.
    expect(workingDaysLeft('2026-02-18', '2026-02-24')).toBe(1);
  });

  it('leaves 0 on the due date, and when only days off remain before a due date that is not a working day', () => {
    expect(workingDaysLeft('2026-03-04', '2026-03-04')).toBe(0);
    // A calendar-day limit ending on Sunday 03-08, seen on Friday 03-06: the weekend is all that remains.
    expect(workingDaysLeft('2026-03-06', '2026-03-08')).toBe(0);
    // A Monday due date seen on Saturday: Monday itself still counts.
    expect(workingDaysLeft('2026-03-14', '2026-03-16')).toBe(1);
  });

  it('counts overdue days negatively, in working days after the due date, holidays not counted', () => {
    // Due Fri 02-13: the adjusted Saturday is the first working day overdue, the holiday adds none.
    expect(workingDaysLeft('2026-02-14', '2026-02-13')).toBe(-1);
    expect(workingDaysLeft('2026-02-20', '2026-02-13')).toBe(-1);
    expect(workingDaysLeft('2026-02-24', '2026-02-13')).toBe(-2);
    // Due Wed 09-30: National Day adds nothing until Thu 10-08; Sat 10-10 is an adjusted working day.
    expect(workingDaysLeft('2026-10-07', '2026-09-30')).toBe(0);
    expect(workingDaysLeft('2026-10-08', '2026-09-30')).toBe(-1);
    expect(workingDaysLeft('2026-10-10', '2026-09-30')).toBe(-3);
  });

  it('counts the adjusted working days around National Day 2026 and skips Mid-Autumn', () => {
    // From Wed 09-30: 10-08 (1), 10-09 (2), Sat 10-10 adjusted (3), 10-12 (4), 10-13 (5).
    expect(workingDaysLeft('2026-09-30', '2026-10-13')).toBe(5);
    // From Fri 09-18: Sun 09-20 adjusted (1), 09-21 (2).
    expect(workingDaysLeft('2026-09-18', '2026-09-21')).toBe(2);
    // From Thu 09-24: Mid-Autumn 09-25..09-27 off, Mon 09-28 (1).
    expect(workingDaysLeft('2026-09-24', '2026-09-28')).toBe(1);
  });

  it('refuses a year without a holiday notice unless told to reckon Monday–Friday there', () => {
    const beyond = calendarCoverage().lastYear + 1;
    expect(() => workingDaysLeft(`${beyond}-03-01`, `${beyond}-03-08`)).toThrow(expect.objectContaining({ code: WorkdayCalendarErrorCode.OUTSIDE_CALENDAR }));
    // Any seven days in a row hold five weekdays.
    expect(workingDaysLeft(`${beyond}-03-01`, `${beyond}-03-08`, { beyondCalendar: 'weekdays' })).toBe(5);
    expect(workingDaysLeft(`${beyond}-03-08`, `${beyond}-03-01`, { beyondCalendar: 'weekdays' })).toBe(-5);
  });

  it('rejects a date that is not a real YYYY-MM-DD', () => {
    expect(() => workingDaysLeft('2026-02-30', '2026-03-04')).toThrow(expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_DATE }));
    expect(() => workingDaysLeft('2026-02-12', '04/03/2026')).toThrow(expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_DATE }));
  });
});

describe(workingDaysUsed.name, () => {
  it('counts a decision across the 2026 Spring Festival as the law counts the limit', () => {
    expect(workingDaysUsed('2026-02-12', '2026-03-04')).toBe(10);
    // Submitted Fri 09-18, decided Wed 09-30: Sun 09-20 adjusted (1), 09-21..09-24 (2–5),
    // Mid-Autumn off, 09-28..09-30 (6–8).
    expect(workingDaysUsed('2026-09-18', '2026-09-30')).toBe(8);
  });

  it('gives 0 for a decision on the day of submission or, with clocks skewed, before it', () => {
    expect(workingDaysUsed('2026-03-04', '2026-03-04')).toBe(0);
    expect(workingDaysUsed('2026-03-04', '2026-03-03')).toBe(0);
  });

  it('does not count the days a supplement request stopped the clock', () => {
    // Asked Fri 02-13 (counted: 1), answered Thu 02-26: 02-14 and 02-24..02-26 paused; then
    // 02-27 (2), Sat 02-28 (3), 03-02..03-04 (4–6).
    const pause = { from: '2026-02-13', to: '2026-02-26' };
    expect(workingDaysUsed('2026-02-12', '2026-03-04', [pause])).toBe(6);
    // Unanswered, the clock stays stopped from the day after the request.
    expect(workingDaysUsed('2026-02-12', '2026-03-04', [{ from: '2026-02-13' }])).toBe(1);
    expect(workingDaysUsed('2026-02-12', '2026-03-04', [{ from: '2026-02-13', to: null }])).toBe(1);
  });

  it('uses exactly the limit on the due date dueDate gives, pauses and holidays included', () => {
    const pauses = [{ from: '2026-02-13', to: '2026-02-26' }];
    for (const [start, amount] of [
      ['2026-02-12', 10],
      ['2026-09-18', 20],
      ['2026-09-24', 5],
    ] as const) {
      const due = dueDate(start, { amount, unit: 'working_days' }, pauses) as string;
      expect([start, workingDaysUsed(start, due, pauses)]).toEqual([start, amount]);
      expect([start, workingDaysLeft(start, due)]).toEqual([start, workingDaysUsed(start, due)]);
    }
  });
});
