import { distributionOf, distributionOfCounted, quantile } from './quantile';

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

describe(distributionOfCounted.name, () => {
  it('is the distribution of the values repeated as often as counted, in any order', () => {
    const counted = [
      { value: 7, count: 3 },
      { value: 1, count: 2 },
      { value: 4, count: 1 },
      { value: 9, count: 4 },
    ];
    const repeated = counted.flatMap(({ value, count }) => Array.from({ length: count }, () => value));
    expect(distributionOfCounted(counted)).toEqual(distributionOf(repeated));
    expect(distributionOfCounted(counted).p90).toBe(9);
    expect(distributionOfCounted([{ value: 10, count: 1 }, { value: 20, count: 1 }]).median).toBe(15);
  });

  it('ignores values counted zero times and is empty for none', () => {
    expect(distributionOfCounted([{ value: 100, count: 0 }, { value: 3, count: 1 }])).toEqual({ count: 1, median: 3, p90: 3 });
    expect(distributionOfCounted([])).toEqual({ count: 0, median: undefined, p90: undefined });
  });
});
