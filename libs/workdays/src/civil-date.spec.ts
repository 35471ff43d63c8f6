import { addMonths, ageOn, daysBetween, earliest, isIsoDate, lastDayOfYears, latest, wholeMonthsBetween } from './civil-date';

describe(isIsoDate.name, () => {
  it.each(['2026-02-30', '2025-02-29', '2026-2-1', '20260201', '2026-02-01T00:00:00Z', '', undefined, 20260201])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('accepts 29 February of a leap year', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
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

  it('crosses a year end', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
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

describe(wholeMonthsBetween.name, () => {
  it('counts a full year from the 2nd to the 1st as 12 months and one day less as 11', () => {
    expect([wholeMonthsBetween('2026-03-02', '2027-03-01'), wholeMonthsBetween('2026-03-02', '2027-02-28')]).toEqual([12, 11]);
  });
});

describe(ageOn.name, () => {
  it('adds a year on the birthday, not the day before', () => {
    expect([ageOn('1965-03-02', '2026-03-01'), ageOn('1965-03-02', '2026-03-02')]).toEqual([60, 61]);
  });

  it('makes someone born on 29 February a year older on 1 March of a common year and on 29 February of a leap year', () => {
    expect([ageOn('2008-02-29', '2026-02-28'), ageOn('2008-02-29', '2026-03-01')]).toEqual([17, 18]);
    expect([ageOn('2000-02-29', '2028-02-28'), ageOn('2000-02-29', '2028-02-29')]).toEqual([27, 28]);
  });
});

describe(earliest.name, () => {
  it('picks the earliest and the latest of several dates', () => {
    expect(earliest('2027-02-28', '2026-12-31', '2031-03-01')).toBe('2026-12-31');
    expect(latest('2027-02-28', '2026-12-31', '2031-03-01')).toBe('2031-03-01');
  });
});
