// Not recursive: TypeORM's deep partial types cannot instantiate a recursive one.
export type JsonValue = string | number | boolean | null | object;

/** Where a value of the record came from: the event that set it, so a replay sets it the same way. */
export interface Provenance {
  /** The event type, e.g. `portal.case.submitted`. */
  source: string;
  sourceCaseId: string;
  sourceEventId: string;
  /** The event's occurredAt, never the wall clock. */
  updatedAt: Date;
}

/** One value of the record by its key: a form path (`applicant.surname`) or `materials.<CODE>`. */
export interface RecordFieldValue extends Provenance {
  path: string;
  value: JsonValue;
}

/** One entry of the record's history. */
export interface RecordChange {
  /** A field path or `permits.<ITEM>`. */
  subject: string;
  caseId: string;
  oldValue: JsonValue | null;
  newValue: JsonValue | null;
  source: string;
  sourceEventId: string;
  occurredAt: Date;
}

/** The sections of the case body a returning applicant's form is pre-filled from. */
export const PREFILL_SECTIONS = ['applicant', 'employer', 'employment', 'holdings'] as const;

export function isPrefillable(path: string): boolean {
  return PREFILL_SECTIONS.some((section) => path.startsWith(`${section}.`));
}

/**
 * Last writer wins by the event's time (event id breaks ties), so the current value is the same
 * whatever order events of different topics arrive in.
 */
export function isLaterThan(candidate: Pick<Provenance, 'updatedAt' | 'sourceEventId'>, current: Pick<Provenance, 'updatedAt' | 'sourceEventId'>): boolean {
  const delta = candidate.updatedAt.getTime() - current.updatedAt.getTime();
  return delta > 0 || (delta === 0 && candidate.sourceEventId > current.sourceEventId);
}

export function sameValue(a: JsonValue | null | undefined, b: JsonValue | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export interface FieldMerge {
  /** Rows to write: a new value, or the same value confirmed by a later event (new provenance). */
  written: RecordFieldValue[];
  /** Only the values that changed. */
  changes: RecordChange[];
}

/** Folds incoming values into the current ones; older values than the current are ignored. */
export function mergeFields(current: readonly RecordFieldValue[], incoming: readonly RecordFieldValue[]): FieldMerge {
  const byPath = new Map(current.map((field) => [field.path, field]));
  const written = new Map<string, RecordFieldValue>();
  const changes: RecordChange[] = [];
  for (const field of incoming) {
    const existing = byPath.get(field.path);
    if (existing && !isLaterThan(field, existing)) continue;
    if (!existing || !sameValue(existing.value, field.value)) {
      changes.push({
        subject: field.path,
        caseId: field.sourceCaseId,
        oldValue: existing?.value ?? null,
        newValue: field.value,
        source: field.source,
        sourceEventId: field.sourceEventId,
        occurredAt: field.updatedAt,
      });
    }
    byPath.set(field.path, field);
    written.set(field.path, field);
  }
  return { written: [...written.values()], changes };
}
