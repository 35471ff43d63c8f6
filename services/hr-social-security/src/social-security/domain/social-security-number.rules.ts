import { createHash } from 'node:crypto';
import { assertNationality, assertPresent } from './input-assertions';

/** Weihai's administrative division code (GB/T 2260), naming the registering bureau. */
const WEIHAI_DIVISION_CODE = '371000';
const DIGEST_CHARACTERS = 16;

/**
 * The foreigner's social security number assigned at registration: the nationality (ISO 3166-1
 * alpha-3), Weihai's division code and 16 upper-case hexadecimal characters of SHA-256 over
 * `social-security:<caseId>`, e.g. `DEU-371000-7C1E09A4B25D3F86`.
 *
 * It depends on the case id alone (the nationality is only shown), so registering the same case
 * again (a replayed event, a retried decision) gives the same number. 64 bits make a collision
 * between two cases negligible; the store should still hold the number under a unique index.
 */
export function socialSecurityNumber(caseId: string, nationality: string): string {
  assertPresent(caseId, 'caseId');
  assertNationality(nationality);
  const digest = createHash('sha256').update(`social-security:${caseId}`).digest('hex');
  return `${nationality}-${WEIHAI_DIVISION_CODE}-${digest.slice(0, DIGEST_CHARACTERS).toUpperCase()}`;
}
