import { fieldProblem, message } from '@work-permit/catalogue';
import type { FieldError } from '@work-permit/platform';
import type { PrefillValue } from './applicant-prefill.entity';

/** The key of a case body (and a draft) under which the applicant's answer to the pre-fill preview travels. */
export const PREFILL_CONSENT = 'prefillConsent';

/**
 * The applicant's answer to the preview of their shared record's facts: which they let the form reuse
 * and which they declined (asked again). `recordVersion`: the record's version the preview showed.
 */
export interface PrefillConsent {
  recordVersion?: number;
  accepted: string[];
  declined: string[];
}

/** A person's pre-fillable record as the portal keeps it (`applicant_prefill`). */
export interface PrefillRecord {
  version: number;
  fields: Readonly<Record<string, PrefillValue>>;
}

/** One declined fact with where it came from: what `portal.prefill.declined` carries (never the value). */
export interface DeclinedFact {
  path: string;
  recordVersion: number;
  source: string;
  sourceCaseId: string;
  /** ISO instant the record took the value; '' when unknown. */
  updatedAt: string;
}

const CONSENT_KEYS = new Set(['recordVersion', 'accepted', 'declined']);

/** The body without its consent, and the consent as sent (undefined when there is none). */
export function takeConsent(body: Record<string, unknown>): { consent: unknown; rest: Record<string, unknown> } {
  const { [PREFILL_CONSENT]: consent, ...rest } = body;
  return { consent, rest };
}

/**
 * Every problem of a consent, each named by its path in the body (`prefillConsent.declined.1`): an
 * object of only `recordVersion` (a whole number ≥ 0), `accepted` and `declined` (lists of paths of the
 * chosen items' form, none twice, none both). Absent is no problem: nothing was offered, or nothing asked.
 */
export function prefillConsentErrors(consent: unknown, formPaths: ReadonlySet<string>): FieldError[] {
  if (consent === undefined) return [];
  if (consent === null || typeof consent !== 'object' || Array.isArray(consent)) return [fieldProblem(PREFILL_CONSENT, message('field.must_be_object'))];
  const errors: FieldError[] = [];
  const entries = consent as Record<string, unknown>;
  for (const key of Object.keys(entries)) if (!CONSENT_KEYS.has(key)) errors.push(fieldProblem(`${PREFILL_CONSENT}.${key}`, message('field.unknown')));
  const version = entries.recordVersion;
  if (version !== undefined && !(Number.isInteger(version) && (version as number) >= 0)) {
    errors.push(fieldProblem(`${PREFILL_CONSENT}.recordVersion`, Number.isInteger(version) ? message('field.min', { value: 0 }) : message('field.integer')));
  }
  const seen = new Map<string, 'accepted' | 'declined'>();
  for (const list of ['accepted', 'declined'] as const) {
    const paths = entries[list];
    if (paths === undefined) continue;
    if (!Array.isArray(paths)) {
      errors.push(fieldProblem(`${PREFILL_CONSENT}.${list}`, message('field.must_be_array')));
      continue;
    }
    paths.forEach((path: unknown, index) => {
      const field = `${PREFILL_CONSENT}.${list}.${index}`;
      if (typeof path !== 'string') errors.push(fieldProblem(field, message('field.string')));
      else if (!formPaths.has(path)) errors.push(fieldProblem(field, message('consent.field.not_in_form', { path })));
      else if (seen.get(path) === list) errors.push(fieldProblem(field, message('consent.field.twice')));
      else if (seen.has(path)) errors.push(fieldProblem(field, message('consent.field.accepted_and_declined')));
      else seen.set(path, list);
    });
  }
  return errors;
}

/** A consent `prefillConsentErrors` found nothing wrong with, as data (absent: nothing accepted or declined). */
export function consentOf(consent: unknown): PrefillConsent {
  if (consent === undefined || consent === null || typeof consent !== 'object') return { accepted: [], declined: [] };
  const { recordVersion, accepted, declined } = consent as Partial<PrefillConsent>;
  return { ...(typeof recordVersion === 'number' ? { recordVersion } : {}), accepted: [...(accepted ?? [])], declined: [...(declined ?? [])] };
}

/**
 * The declined facts the person's record offers, each with the record version and the source it came
 * from — the portal's own copy of the record decides, never what the body says of it. A declined path
 * the record does not (or no longer) offer has nothing to refuse and is left out.
 */
export function declinedFactsOf(consent: PrefillConsent, record: PrefillRecord | undefined): DeclinedFact[] {
  if (!record) return [];
  return [...new Set(consent.declined)]
    .filter((path) => Object.hasOwn(record.fields, path))
    .sort()
    .map((path) => {
      const offered = record.fields[path];
      return { path, recordVersion: record.version, source: offered.source, sourceCaseId: offered.sourceCaseId, updatedAt: offered.updatedAt };
    });
}
