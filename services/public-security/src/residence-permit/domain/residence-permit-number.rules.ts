import { createHash } from 'node:crypto';
import { message } from '@work-permit/catalogue';
import { ResidencePermitError, ResidencePermitErrorCode } from './residence-permit.exception';

/** Weihai's administrative division code (GB/T 2260), naming the issuing bureau. */
const WEIHAI_DIVISION_CODE = '371000';
const DIGEST_CHARACTERS = 16;

/**
 * The residence permit number for a case: `RP-371000-` and 16 upper-case hexadecimal characters of
 * SHA-256 over `residence-permit:<caseId>`, e.g. `RP-371000-3F9A0C1B7D2E4F60`.
 *
 * It depends on the case id alone, so deciding the same item again (a replayed event, a retried
 * decision) gives the same number. A case holds one RESIDENCE_PERMIT item, so one number per case is
 * enough. 64 bits make a collision between two cases negligible (about 3 in 10^8 at a million
 * permits); the store should still hold the number under a unique index.
 */
export function residencePermitNumber(caseId: string): string {
  if (typeof caseId !== 'string' || caseId.trim() === '') {
    throw new ResidencePermitError(ResidencePermitErrorCode.InvalidArgument, message('residence_permit.invalid.case_id'));
  }
  const digest = createHash('sha256').update(`residence-permit:${caseId}`).digest('hex');
  return `RP-${WEIHAI_DIVISION_CODE}-${digest.slice(0, DIGEST_CHARACTERS).toUpperCase()}`;
}
