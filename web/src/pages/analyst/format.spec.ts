import { formatNumber } from './format';

describe('formatNumber', () => {
  it('groups and rounds', () => {
    expect(formatNumber(12345.678, 'en')).toBe('12,345.68');
    expect(formatNumber(0, 'zh')).toBe('0');
  });
  it('shows a placeholder for a missing number', () => {
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatNumber(Number.NaN, 'en', 'n/a')).toBe('n/a');
  });
});
