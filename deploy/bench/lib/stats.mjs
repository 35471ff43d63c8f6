// Percentiles by the nearest-rank method; an undecided case counts as slower than any decided one.

export function percentile(sortedValues, p) {
  if (sortedValues.length === 0) return undefined;
  return sortedValues[Math.min(sortedValues.length - 1, Math.max(0, Math.ceil((p / 100) * sortedValues.length) - 1))];
}

/** `{ count, p50, p95, p99, max }` in ms; Infinity where an undecided case falls. */
export function latencySummary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => {
    const value = percentile(sorted, p);
    return value === undefined || !Number.isFinite(value) ? value : Math.round(value);
  };
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

export const round = (value, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

export function countBy(items, keyOf) {
  const counts = {};
  for (const item of items) {
    const key = keyOf(item);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
