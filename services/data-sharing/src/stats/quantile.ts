/**
 * The q-quantile (0 ≤ q ≤ 1) of the values, interpolated linearly between the two nearest ranks (the
 * usual definition, R type 7), so the median of an even count is the mean of the middle two.
 * Undefined for no values.
 */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (q < 0 || q > 1) throw new RangeError(`a quantile lies between 0 and 1, not ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  return interpolated(sorted.length, q, (index) => sorted[index]);
}

/** The q-quantile of `count` values in ascending order, `valueAt(i)` the i-th: R type 7, as `quantile`. */
function interpolated(count: number, q: number, valueAt: (index: number) => number): number | undefined {
  if (count === 0) return undefined;
  const rank = q * (count - 1);
  const below = Math.floor(rank);
  const low = valueAt(below);
  return low + (valueAt(Math.ceil(rank)) - low) * (rank - below);
}

/** The median and the 90th percentile of a set of durations, with how many there were. */
export interface Distribution {
  count: number;
  median: number | undefined;
  p90: number | undefined;
}

export function distributionOf(values: readonly number[]): Distribution {
  return { count: values.length, median: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

/** The two quantiles the statistics report, as Prometheus `quantile` label values. */
export const REPORTED_QUANTILES = [
  { label: '0.5', of: (d: Distribution) => d.median },
  { label: '0.9', of: (d: Distribution) => d.p90 },
] as const;

/** A value seen `count` times, as SQL groups equal values. */
export interface CountedValue {
  value: number;
  count: number;
}

/** `distributionOf` the values each repeated `count` times, without repeating them. */
export function distributionOfCounted(values: readonly CountedValue[]): Distribution {
  const sorted = values.filter(({ count }) => count > 0).sort((a, b) => a.value - b.value);
  const count = sorted.reduce((total, value) => total + value.count, 0);
  const at = (index: number): number => {
    let seen = 0;
    for (const { value, count: times } of sorted) {
      seen += times;
      if (index < seen) return value;
    }
    throw new RangeError(`no value at ${index} of ${count}`);
  };
  return { count, median: interpolated(count, 0.5, at), p90: interpolated(count, 0.9, at) };
}
