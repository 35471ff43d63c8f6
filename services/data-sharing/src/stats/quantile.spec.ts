import { distributionOf, quantile } from './quantile';

describe(quantile.name, () => {
  it('is undefined for no values', () => {
    expect(quantile([], 0.5)).toBeUndefined();
  });

  it('takes the middle value of an odd count as the median, whatever the input order', () => {
    expect(quantile([9, 1, 5], 0.5)).toBe(5);
  });

  it('takes the mean of the middle two of an even count as the median', () => {
    expect(quantile([10, 20], 0.5)).toBe(15);
  });

  it('interpolates the 90th percentile between the nearest ranks', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(quantile([4], 0.9)).toBe(4);
  });

  it('refuses a quantile outside 0..1', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe(distributionOf.name, () => {
  it('gives the count, median and 90th percentile', () => {
    expect(distributionOf([2, 4, 6])).toEqual({ count: 3, median: 4, p90: expect.closeTo(5.6) });
    expect(distributionOf([])).toEqual({ count: 0, median: undefined, p90: undefined });
  });
});
