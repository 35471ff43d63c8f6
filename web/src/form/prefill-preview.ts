// Consent to each reused fact (A11): what the shared record offers this form, the applicant's answer
// to each, and what that answer fills in. Plain functions; the form's "reuse" step shows them.
import type { FormField, Text } from '../api/types';
import { controlValueOf, type FormValues } from './form-model';

/** The answer to the preview as the draft keeps it and the case body sends it (`prefillConsent`). */
export interface PrefillConsent {
  /** The record's version the preview showed. */
  recordVersion?: number;
  accepted: string[];
  declined: string[];
}

export type Decision = 'accepted' | 'declined';

export const NO_CONSENT: PrefillConsent = { accepted: [], declined: [] };

/** One fact of the applicant's shared record this form could reuse. */
export interface ReusableFact {
  path: string;
  field: FormField;
  value: unknown;
  source: string;
  sourceCaseId: string;
  sourceAgency: { code: string; name: Text } | null;
  updatedAt: string;
  recordVersion?: number;
}

/**
 * The facts to ask about, in the form's order: every field the record offers a value for, but those
 * the verified sign-in fixes (passport, nationality: the person's own, not reused) and empty values.
 */
export function reusableFacts(fields: readonly FormField[], verified: Readonly<Record<string, string>> = {}): ReusableFact[] {
  return fields.flatMap((field) => {
    const offered = field.prefill;
    if (!offered || field.path in verified || controlValueOf(offered.value) === '') return [];
    return [
      {
        path: field.path,
        field,
        value: offered.value,
        source: offered.source,
        sourceCaseId: offered.sourceCaseId ?? '',
        sourceAgency: offered.sourceAgency ?? null,
        updatedAt: offered.updatedAt ?? '',
        ...(offered.recordVersion !== undefined ? { recordVersion: offered.recordVersion } : {}),
      },
    ];
  });
}

/** The facts by the section of the form they belong to (applicant, employer, employment, holdings…), in the form's order. */
export function factsBySection(facts: readonly ReusableFact[]): { section: string; facts: ReusableFact[] }[] {
  const sections = new Map<string, ReusableFact[]>();
  for (const fact of facts) {
    const section = fact.path.split('.')[0];
    sections.set(section, [...(sections.get(section) ?? []), fact]);
  }
  return [...sections.entries()].map(([section, sectionFacts]) => ({ section, facts: sectionFacts }));
}

/** The record version the facts come from (one record, one version; the highest if they differ). */
export function recordVersionOf(facts: readonly ReusableFact[]): number | undefined {
  const versions = facts.flatMap((fact) => (fact.recordVersion === undefined ? [] : [fact.recordVersion]));
  return versions.length > 0 ? Math.max(...versions) : undefined;
}

export function decisionOf(consent: PrefillConsent, path: string): Decision | undefined {
  if (consent.accepted.includes(path)) return 'accepted';
  if (consent.declined.includes(path)) return 'declined';
  return undefined;
}

/** The facts not answered yet: the form goes on only once each has an answer. */
export function undecidedFacts(facts: readonly ReusableFact[], consent: PrefillConsent): ReusableFact[] {
  return facts.filter((fact) => decisionOf(consent, fact.path) === undefined);
}

/** The consent with one fact answered (and only once). */
export function decide(consent: PrefillConsent, path: string, decision: Decision, recordVersion?: number): PrefillConsent {
  const accepted = consent.accepted.filter((candidate) => candidate !== path);
  const declined = consent.declined.filter((candidate) => candidate !== path);
  (decision === 'accepted' ? accepted : declined).push(path);
  return { ...withVersion(consent, recordVersion), accepted, declined };
}

/** "Accept all": every fact of the preview accepted. */
export function acceptAll(facts: readonly ReusableFact[], consent: PrefillConsent, recordVersion?: number): PrefillConsent {
  return facts.reduce((answer, fact) => decide(answer, fact.path, 'accepted', recordVersion), withVersion(consent, recordVersion));
}

function withVersion(consent: PrefillConsent, recordVersion: number | undefined): PrefillConsent {
  return recordVersion === undefined ? consent : { ...consent, recordVersion };
}

/**
 * What an answer changes in the form, from the answer `before` to `after`: a fact newly accepted fills
 * its field if it is still empty; a fact no longer accepted empties its field if it still holds the
 * record's value (so it is asked again). What the applicant typed themselves is never touched.
 */
export function applyConsent(values: FormValues, facts: readonly ReusableFact[], before: PrefillConsent, after: PrefillConsent): FormValues {
  const next = { ...values };
  for (const fact of facts) {
    const was = decisionOf(before, fact.path);
    const now = decisionOf(after, fact.path);
    if (was === now) continue;
    const recorded = controlValueOf(fact.value);
    const current = next[fact.path] ?? '';
    if (now === 'accepted' && current.trim() === '') next[fact.path] = recorded;
    else if (was === 'accepted' && current === recorded) next[fact.path] = '';
  }
  return next;
}

/** The consent a draft kept (`prefillConsent`), well-formed entries only; undefined when it kept none. */
export function consentOfContent(content: Record<string, unknown> | undefined): PrefillConsent | undefined {
  const kept = content?.prefillConsent;
  if (kept === null || typeof kept !== 'object' || Array.isArray(kept)) return undefined;
  const { recordVersion, accepted, declined } = kept as Record<string, unknown>;
  const paths = (list: unknown) => (Array.isArray(list) ? list.filter((path): path is string => typeof path === 'string') : []);
  return { ...(typeof recordVersion === 'number' ? { recordVersion } : {}), accepted: paths(accepted), declined: paths(declined) };
}

/** The consent as the body carries it: only when there was something to answer. */
export function consentForBody(facts: readonly ReusableFact[], consent: PrefillConsent): { prefillConsent?: PrefillConsent } {
  if (facts.length === 0 && consent.accepted.length === 0 && consent.declined.length === 0) return {};
  return { prefillConsent: consent };
}

/** Where a fact came from, as words to show: a decision of an agency, or what was filed with a case. */
export function sourceOf(fact: ReusableFact): { key: 'decided' | 'filed'; agency?: Text; caseId: string } {
  const caseId = fact.sourceCaseId.slice(0, 8);
  return fact.sourceAgency ? { key: 'decided', agency: fact.sourceAgency.name, caseId } : { key: 'filed', caseId };
}
