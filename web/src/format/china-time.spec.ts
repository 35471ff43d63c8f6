import { chinaDate, chinaDateTime, chinaToday, formatMoment } from './china-time';

describe('chinaDateTime and chinaDate', () => {
  it('shows an instant in China time', () => {
    expect(chinaDateTime('2026-03-01T16:05:00.000Z')).toBe('2026-03-02 00:05');
    expect(chinaDateTime('2026-03-01T17:30:45.000Z')).toBe('2026-03-02 01:30');
    expect(chinaDateTime('2026-03-01T17:30:45.000Z', true)).toBe('2026-03-02 01:30:45');
    expect(chinaDate('2026-03-01T16:05:00.000Z')).toBe('2026-03-02');
  });

  it('leaves anything else as it is', () => {
    expect(chinaDateTime('not a time')).toBe('not a time');
    expect(chinaDateTime(null)).toBe('');
    expect(chinaDateTime(undefined)).toBe('');
  });
});

describe('chinaToday', () => {
  it('counts the date in China', () => {
    expect(chinaToday(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
    expect(chinaToday(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});

describe('formatMoment', () => {
  it('shows the moment in China time, in the reader’s language', () => {
    expect(formatMoment('2026-03-01T16:30:00Z', 'en')).toMatch(/2 Mar 2026.*00:30/);
    expect(formatMoment('2026-03-01T16:30:00Z', 'zh')).toMatch(/2026.*3.*2.*00:30/);
    // 23:30 UTC is 07:30 the next day in Beijing
    const shown = formatMoment('2026-11-30T23:30:00.000Z', 'en');
    expect(shown).toContain('2026');
    expect(shown).toContain('07:30');
    expect(shown).toMatch(/1 Dec/);
  });

  it('keeps an unreadable value and shows nothing for none', () => {
    expect(formatMoment('soon', 'zh')).toBe('soon');
    expect(formatMoment('soon', 'en')).toBe('soon');
    expect(formatMoment(null, 'zh')).toBe('');
  });
});
