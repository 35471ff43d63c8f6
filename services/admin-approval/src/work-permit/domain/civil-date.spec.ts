import { addMonths, ageOn, assertIsoDate, daysBetween, lastDayOfYears } from './civil-date';
import { WorkPermitErrorCode } from './work-permit.exception';

describe(assertIsoDate.name, () => {
  it.each(['2026-02-30', '2025-02-29', '2026-2-1', '20260201', '2026-02-01T00:00:00Z', '', undefined])('rejects %j', (value) => {
    expect(() => assertIsoDate(value, 'date')).toThrow(expect.objectContaining({ code: WorkPermitErrorCode.InvalidDate }));
  });

  it('accepts 29 February of a leap year', () => {
    expect(() => assertIsoDate('2028-02-29', 'date')).not.toThrow();
  });
});

describe(daysBetween.name, () => {
  it('counts calendar days across a month end, negative backwards', () => {
    expect([daysBetween('2026-02-27', '2026-03-02'), daysBetween('2026-03-02', '2026-02-27')]).toEqual([3, -3]);
  });
});

describe(addMonths.name, () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
  });
});

describe(lastDayOfYears.name, () => {
  it('ends the day before the anniversary', () => {
    expect(lastDayOfYears('2026-04-01', 2)).toBe('2028-03-31');
  });

  it('ends a term from 29 February on 28 February of a common year', () => {
    expect(lastDayOfYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});

describe(ageOn.name, () => {
  it('adds a year on the birthday, not the day before', () => {
    expect([ageOn('1965-03-02', '2026-03-01'), ageOn('1965-03-02', '2026-03-02')]).toEqual([60, 61]);
  });

  it('makes someone born on 29 February a year older on 1 March of a common year', () => {
    expect([ageOn('2008-02-29', '2026-02-28'), ageOn('2008-02-29', '2026-03-01')]).toEqual([17, 18]);
  });
});
