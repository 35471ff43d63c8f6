import { AuthException, AuthExceptionCode } from './auth.exception';
import type { Principal } from './principal';

/** Who an applicant is, as verified by the identity provider: the same pair that keys the shared record. */
export interface ApplicantIdentity {
  passportNo: string;
  nationality: string;
}

/** Passport numbers compare without case or spaces (`e 1234 5678` is `E12345678`). */
export function normalisePassportNo(passportNo: string): string {
  return passportNo.replace(/\s+/g, '').toUpperCase();
}

/** What a request says about whom it is for; any part may be absent or malformed. */
export interface ClaimedParties {
  applicant?: { passportNo?: unknown; nationality?: unknown };
  employer?: { uscc?: unknown };
}

/**
 * The fields of a request that name someone other than the verified caller: an applicant may act only
 * as the person in their token, an employer only for its own credit code. Clerks, officers and admins
 * act for others by their office, so nothing they send is a mismatch.
 */
export function identityMismatches(principal: Principal, claimed: ClaimedParties): string[] {
  if (principal.role === 'applicant') {
    const mismatched: string[] = [];
    const identity = principal.identity;
    const passportNo = claimed.applicant?.passportNo;
    if (!identity || typeof passportNo !== 'string' || normalisePassportNo(passportNo) !== identity.passportNo) mismatched.push('applicant.passportNo');
    if (!identity || claimed.applicant?.nationality !== identity.nationality) mismatched.push('applicant.nationality');
    return mismatched;
  }
  if (principal.role === 'employer') {
    const uscc = claimed.employer?.uscc;
    return principal.uscc !== undefined && typeof uscc === 'string' && uscc.toUpperCase() === principal.uscc ? [] : ['employer.uscc'];
  }
  return [];
}

/** Throws `identity_mismatch` (403) naming each field that is not the caller's verified identity. */
export function assertActsAsThemselves(principal: Principal, claimed: ClaimedParties): void {
  const fields = identityMismatches(principal, claimed);
  if (fields.length === 0) return;
  const whose = principal.role === 'employer' ? 'the credit code your token was issued for' : 'the identity your token verifies';
  throw new AuthException(
    AuthExceptionCode.IDENTITY_MISMATCH,
    `you may act only as yourself: ${fields.join(', ')} must be ${whose}`,
    fields.map((field) => ({ field, message: `is not ${whose}` })),
  );
}
