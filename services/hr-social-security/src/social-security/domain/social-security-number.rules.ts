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
