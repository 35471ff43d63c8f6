import { addMonths, daysBetween, isCalendarDate } from './calendar-date';

describe(isCalendarDate.name, () => {
  it.each(['2026-11-29', '2024-02-29', '2000-02-29'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['1990-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-1-05', '2026-11-29T00:00:00Z', '29.11.2026', ''])('refuses %s', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });

  it('refuses a value that is not a string', () => {
    expect(isCalendarDate(20261129)).toBe(false);
  });
});

describe(daysBetween.name, () => {
  it('counts calendar days across a month end', () => {
    expect(daysBetween('2026-11-29', '2026-12-29')).toBe(30);
  });

  it('is negative when the second date is earlier', () => {
    expect(daysBetween('2026-11-29', '2026-11-19')).toBe(-10);
  });
});

describe(addMonths.name, () => {
  it('goes back six months to the same day', () => {
    expect(addMonths('2026-11-29', -6)).toBe('2026-05-29');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
  });

  it('crosses a year boundary', () => {
    expect(addMonths('2026-03-15', -6)).toBe('2025-09-15');
  });
});
