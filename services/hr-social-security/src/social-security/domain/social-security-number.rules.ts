import { createHash } from 'node:crypto';
import { assertNationality, assertPresent } from './input-assertions';

/** Weihai's administrative division code (GB/T 2260), naming the registering bureau. */
const WEIHAI_DIVISION_CODE = '371000';
const DIGEST_CHARACTERS = 16;

/**
 * The foreigner's social security number assigned at registration: the nationality (ISO 3166-1
 * alpha-3), Weihai's division code and 16 upper-case hexadecimal characters of SHA-256 over
 * `social-security:<applicantId>`, e.g. `DEU-371000-7C1E09A4B25D3F86`.
 *
 * A social security number belongs to the person, not to an application: it depends on the shared
 * applicant record's id alone (the nationality is only shown), so the person's second case, a
 * replayed event or a retried decision all give the same number. 64 bits make a collision between
 * two people negligible; the store should still hold the number under a unique index.
 */
export function socialSecurityNumber(applicantId: string, nationality: string): string {
  assertPresent(applicantId, 'applicantId');
  assertNationality(nationality);
  const digest = createHash('sha256').update(`social-security:${applicantId}`).digest('hex');
  return `${nationality}-${WEIHAI_DIVISION_CODE}-${digest.slice(0, DIGEST_CHARACTERS).toUpperCase()}`;
}

/** Where the person's number in a registration comes from. */
export type SocialSecurityNumberSource =
  /** Assigned now: the person had none in the form. */
  | 'assigned'
  /** The one this platform assigned the person before, pre-filled from the shared record. */
  | 'kept'
  /** Declared in the form and not the one this platform would assign (from elsewhere, or before a new passport): an officer confirms it. */
  | 'declared';

/**
 * The person's social security number for a registration: once assigned it stays theirs. A number the
 * form declares (`holdings.socialSecurityNo`) is kept; unless it is the one this platform assigns the
 * person, only a check against the national register can confirm it is theirs.
 */
export function personsSocialSecurityNumber(applicantId: string, nationality: string, declared: string | undefined): { number: string; source: SocialSecurityNumberSource } {
  const assigned = socialSecurityNumber(applicantId, nationality);
  if (declared === undefined || declared.trim() === '') return { number: assigned, source: 'assigned' };
  return declared === assigned ? { number: assigned, source: 'kept' } : { number: declared, source: 'declared' };
}
