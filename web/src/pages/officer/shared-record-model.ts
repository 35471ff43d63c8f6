import { ApiError } from '../../api/http';
import type { SharedRecord } from '../../api/types';
import { type FieldLabel, displayValue } from './facts-model';

/**
 * The purpose as an HTTP header value. A header carries Latin-1 only (fetch refuses anything else), so
 * a purpose in Chinese is sent percent-encoded (UTF-8); plain ASCII goes as typed.
 */
export function purposeHeaderOf(purpose: string): string {
  const trimmed = purpose.trim();
  return /^[\x20-\x7e]*$/.test(trimmed) ? trimmed : encodeURIComponent(trimmed);
}

/** Which of the record panel's texts explains a failed read. */
export type RecordFailure = 'purpose' | 'forbidden' | 'notFound' | 'badRequest' | 'signedOut' | 'other';

export function recordFailureOf(error: unknown): RecordFailure {
  if (!(error instanceof ApiError)) return 'other';
  if (error.status === 400) return error.code === 'purpose_required' || error.details.some((detail) => detail.field.toLowerCase() === 'x-purpose') ? 'purpose' : 'badRequest';
  if (error.status === 401) return 'signedOut';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  return 'other';
}

export interface RecordFieldRow {
  key: string;
  label: string;
  value: string;
  source: string;
  sourceCaseId: string;
  updatedAt: string;
}

/** The released fields in key order, labelled as the form labels them (`materials.<CODE>` by the document's name). */
export function recordFieldRowsOf(record: SharedRecord, labels: Record<string, FieldLabel>, materialName: (code: string) => string, words?: Parameters<typeof displayValue>[1]): RecordFieldRow[] {
  return Object.keys(record.fields)
    .sort()
    .map((key) => {
      const field = record.fields[key];
      const label = labels[key];
      const option = typeof field.value === 'string' ? label?.options[field.value] : undefined;
      return {
        key,
        label: label?.label ?? (key.startsWith('materials.') ? materialName(key.slice('materials.'.length)) : key),
        value: option ?? displayValue(field.value, words),
        source: field.source,
        sourceCaseId: field.sourceCaseId,
        updatedAt: field.updatedAt,
      };
    });
}

/** A permit's own details (number, validity…) beside the columns every permit has. */
export function permitDetailsOf(permit: SharedRecord['permits'][number]): Record<string, unknown> {
  const { item: _item, caseId: _caseId, action: _action, agency: _agency, status: _status, reason: _reason, source: _source, updatedAt: _updatedAt, ...details } = permit;
  return details;
}
