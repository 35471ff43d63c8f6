import { addCalendarDays } from './iso-date';
import { WorkdayCalendarErrorCode } from './workday-calendar.exception';

describe(addCalendarDays.name, () => {
  it('gives the residence permit decision day 15 calendar days after acceptance, holidays included', () => {
    // 2026-09-28 + 15 days = 2026-10-13; National Day (10-01..10-07) does not matter for calendar days.
    expect(addCalendarDays('2026-09-28', 15)).toBe('2026-10-13');
  });

  it('returns start itself for zero days', () => {
    expect(addCalendarDays('2026-02-14', 0)).toBe('2026-02-14');
  });

  it('steps over the end of February in a leap year', () => {
    expect(addCalendarDays('2028-02-28', 2)).toBe('2028-03-01');
  });

  it('goes back for a negative count', () => {
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('needs no holiday calendar, so it works beyond the covered years', () => {
    expect(addCalendarDays('2099-12-31', 1)).toBe('2100-01-01');
  });

  it.each(['2026-2-14', '2026-02-30', '2026-13-01', '2025-02-29', '20260214', '2026-02-14T00:00:00Z', ''])(
    'rejects %j as a date',
    (date) => {
      expect(() => addCalendarDays(date, 1)).toThrow(expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_DATE }));
    },
  );

  it('rejects a value that is not a string', () => {
    expect(() => addCalendarDays(new Date(2026, 1, 14) as unknown as string, 1)).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_DATE }),
    );
  });

  it('rejects a fractional day count', () => {
    expect(() => addCalendarDays('2026-02-14', 1.5)).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_ARGUMENT }),
    );
  });

  it('rejects a result outside the years 0000–9999', () => {
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(
      expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_ARGUMENT }),
    );
  });
});
