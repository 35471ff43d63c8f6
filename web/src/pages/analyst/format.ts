// The dashboard's number formatting (pure, unit-tested). Times: format/china-time; names: format/catalogue-names.

/** A number for reading (grouped, at most two decimals); `none` for a missing one. */
export function formatNumber(value: number | null | undefined, lang: string, none = '—'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return none;
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 }).format(value);
}
