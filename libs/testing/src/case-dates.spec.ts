import { caseDates, chinaDayFrom } from './case-dates';

describe(caseDates.name, () => {
  it('starts the contract 16 days on, ends it two years later, issues documents 9 days back, in China', () => {
    // 2026-11-29 20:00 UTC is already 2026-11-30 in China.
    expect(caseDates(new Date('2026-11-29T20:00:00Z'))).toEqual({ contractStart: '2026-12-16', contractEnd: '2028-12-15', issuedAt: '2026-11-21' });
  });

  it('ends a contract starting on 1 March the last day of February, leap year or not', () => {
    expect(caseDates(new Date('2026-02-13T04:00:00Z')).contractEnd).toBe('2028-02-29');
    expect(caseDates(new Date('2027-02-13T04:00:00Z')).contractEnd).toBe('2029-02-28');
  });

  it('counts days from China’s date', () => {
    expect(chinaDayFrom(0, new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(chinaDayFrom(-1, new Date('2026-12-31T16:30:00Z'))).toBe('2026-12-31');
  });
});
