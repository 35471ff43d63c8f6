import { isDeepStrictEqual } from 'node:util';

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

/**
 * How far a value is vouched for: `verified` when the person filed it under their own verified
 * identity or an agency decided it; `unverified` when someone filed it for them (an employer, a
 * window clerk), whose token does not prove who the person is.
 */
export type Trust = 'verified' | 'unverified';

const TRUST_RANK: Readonly<Record<Trust, number>> = { unverified: 1, verified: 2 };

export function trustRank(trust: Trust): number {
  return TRUST_RANK[trust];
}

/** Who offered a value: the submitter's role for a filing (`applicant`, `employer`, `clerk`), `agency` for a decision. */
export type OfferedBy = string;

/** One value offered for a key of a person's record, by one event. */
export interface RecordFieldValue extends Provenance {
  /** A form path (`applicant.surname`) or `materials.<CODE>`. */
  path: string;
  value: JsonValue;
  trust: Trust;
  offeredBy: OfferedBy;
}

export type Offer = Omit<RecordFieldValue, 'path' | 'value'>;

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

/** A filing vouches for its values only when the person filed it as themselves. */
export function trustOfSubmitter(role: string | undefined): Trust {
  return role === 'applicant' ? 'verified' : 'unverified';
}

/**
 * By the event's time (event id breaks ties), so the latest value is the same whatever order events
 * of different topics arrive in.
 */
export function isLaterThan(candidate: Pick<Provenance, 'updatedAt' | 'sourceEventId'>, current: Pick<Provenance, 'updatedAt' | 'sourceEventId'>): boolean {
  const delta = candidate.updatedAt.getTime() - current.updatedAt.getTime();
  return delta > 0 || (delta === 0 && candidate.sourceEventId > current.sourceEventId);
}

/**
 * Whether `candidate` replaces `current` as the record's value: a more trusted value always does, a
 * less trusted one never, and among equals the later one. A total order, so the kept value is the
 * greatest offer whatever order the offers arrive in.
 */
export function outranks(candidate: Pick<RecordFieldValue, 'trust' | 'updatedAt' | 'sourceEventId'>, current: Pick<RecordFieldValue, 'trust' | 'updatedAt' | 'sourceEventId'>): boolean {
  const byTrust = TRUST_RANK[candidate.trust] - TRUST_RANK[current.trust];
  return byTrust > 0 || (byTrust === 0 && isLaterThan(candidate, current));
}

/**
 * Whether two values are the same JSON, whatever the order of their keys: a value read back from a
 * jsonb column has its keys in jsonb's order (shorter first), not in the order it was offered in.
 */
export function sameValue(a: JsonValue | null | undefined, b: JsonValue | null | undefined): boolean {
  return isDeepStrictEqual(a ?? null, b ?? null);
}

export interface FieldMerge {
  /** Rows to write: a new value, or the same value confirmed by a later event of the same trust (new provenance). */
  written: RecordFieldValue[];
  /** Only the values that changed. */
  changes: RecordChange[];
  /** Every value kept after the merge, by path: the current ones with those written in their place. */
  kept: RecordFieldValue[];
}

/** Folds offered values into the kept ones; an offer that does not outrank the kept value leaves it. */
export function mergeFields(current: readonly RecordFieldValue[], incoming: readonly RecordFieldValue[]): FieldMerge {
  const byPath = new Map(current.map((field) => [field.path, field]));
  const written = new Map<string, RecordFieldValue>();
  const changes: RecordChange[] = [];
  for (const field of incoming) {
    const existing = byPath.get(field.path);
    if (existing && !outranks(field, existing)) continue;
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
  return { written: [...written.values()], changes, kept: [...byPath.values()] };
}
