/**
 * The q-quantile (0 ≤ q ≤ 1) of the values, interpolated linearly between the two nearest ranks (the
 * usual definition, R type 7), so the median of an even count is the mean of the middle two.
 * Undefined for no values.
 */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (q < 0 || q > 1) throw new RangeError(`a quantile lies between 0 and 1, not ${q}`);
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
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
