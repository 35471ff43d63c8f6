import type { MergedForm } from '../../api/types';

/** How a value reads: text as is, numbers as numbers, yes/no for booleans, lists and objects spelled out. */
export function displayValue(value: unknown, words: { yes: string; no: string; none: string } = { yes: 'yes', no: 'no', none: '—' }): string {
  if (value === null || value === undefined || value === '') return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map((entry) => displayValue(entry, words)).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([key, entry]) => `${key}: ${displayValue(entry, words)}`)
    .join('; ');
}

export interface FieldLabel {
  label: string;
  /** Enum values' labels. */
  options: Record<string, string>;
}

/** The one form's labels by field path, in the reader's language (from `POST /api/forms` for the case's items). */
export function fieldLabelsOf(form: Pick<MergedForm, 'fields'> | undefined, lang: string): Record<string, FieldLabel> {
  const labels: Record<string, FieldLabel> = {};
  for (const field of form?.fields ?? []) {
    const options: Record<string, string> = {};
    for (const option of field.options ?? []) options[option.value] = lang === 'en' ? option.label.en : option.label.zh;
    labels[field.path] = { label: lang === 'en' ? field.label.en : field.label.zh, options };
  }
  return labels;
}

export interface FactRow {
  path: string;
  label: string;
  value: string;
}

/**
 * A section of the case (`applicant`, `employer`…) as rows: nested objects flattened to their paths,
 * each labelled as the form labels it, enum values by their option's label.
 */
export function factRowsOf(section: unknown, prefix: string, labels: Record<string, FieldLabel>, words?: Parameters<typeof displayValue>[1]): FactRow[] {
  if (section === null || typeof section !== 'object' || Array.isArray(section)) return [];
  return Object.entries(section as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return factRowsOf(value, path, labels, words);
    const label = labels[path];
    const option = typeof value === 'string' ? label?.options[value] : undefined;
    return [{ path, label: label?.label ?? path, value: option ?? displayValue(value, words) }];
  });
}
