import { addCalendarDays, enDate, zhDate } from './civil-dates';

describe('civil dates in documents', () => {
  it('writes a date the Chinese and the English way', () => {
    expect(zhDate('2026-02-09')).toBe('2026年2月9日');
    expect(enDate('2026-02-09')).toBe('9 February 2026');
  });

  it('counts calendar days across a month and a year', () => {
    expect(addCalendarDays('2026-12-20', 30)).toBe('2027-01-19');
  });

  it('refuses what is not a civil date', () => {
    expect(() => zhDate('2026-2-9')).toThrow('YYYY-MM-DD');
  });
});
