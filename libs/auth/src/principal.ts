import { AuthException, AuthExceptionCode } from './auth.exception';
import { type ApplicantIdentity, normalisePassportNo } from './verified-identity';

export const ROLES = ['applicant', 'employer', 'clerk', 'officer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const AGENCIES = ['approval', 'scitech', 'psb', 'hrss', 'bigdata'] as const;
export type Agency = (typeof AGENCIES)[number];

/** The verified caller of a request. */
export interface Principal {
  subject: string;
  role: Role;
  agency?: Agency;
  /** An applicant's identity as the identity provider verified it (claims `passportNo`, `nationality`). */
  identity?: ApplicantIdentity;
  /** An employer's unified social credit code as the identity provider verified it (claim `uscc`). */
  uscc?: string;
}

const NATIONALITY = /^[A-Z]{3}$/;
const PASSPORT_NO = /^[A-Z0-9]{5,24}$/;
// GB 32100-2015: 18 characters of digits and capitals without I, O, S, V, Z.
const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

export function isAgency(value: unknown): value is Agency {
  return (AGENCIES as readonly unknown[]).includes(value);
}

/**
 * The principal a token's claims describe: `sub`, `role`, `agency` (required for an officer, optional
 * but checked for everyone else, e.g. an analyst of `bigdata`), and the verified identity the role
 * acts as — `passportNo` and `nationality` for an applicant, `uscc` for an employer. A token that
 * lacks the identity its role needs is refused: nobody acts as "someone" unverified.
 */
export function principalFromClaims(claims: unknown): Principal {
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw invalid('the token claims must be a JSON object');
  }
  const { sub, role, agency } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub.trim() === '') {
    throw invalid('claim sub must be a non-empty string');
  }
  if (!isRole(role)) {
    throw invalid(`claim role must be one of ${ROLES.join(', ')}`);
  }
  const principal: Principal = { subject: sub, role };
  if (agency === undefined) {
    if (role === 'officer') throw invalid('claim agency is required for role officer');
  } else if (!isAgency(agency)) {
    throw invalid(`claim agency must be one of ${AGENCIES.join(', ')}`);
  } else {
    principal.agency = agency;
  }
  if (role === 'applicant') principal.identity = applicantIdentityOf(claims as Record<string, unknown>);
  if (role === 'employer') principal.uscc = usccOf(claims as Record<string, unknown>);
  return principal;
}

function applicantIdentityOf({ passportNo, nationality }: Record<string, unknown>): ApplicantIdentity {
  const passport = typeof passportNo === 'string' ? normalisePassportNo(passportNo) : '';
  if (!PASSPORT_NO.test(passport)) throw invalid('claim passportNo (the verified passport number) is required for role applicant');
  if (typeof nationality !== 'string' || !NATIONALITY.test(nationality)) {
    throw invalid('claim nationality (ISO 3166 alpha-3, upper case) is required for role applicant');
  }
  return { passportNo: passport, nationality };
}

function usccOf({ uscc }: Record<string, unknown>): string {
  if (typeof uscc !== 'string' || !USCC.test(uscc)) throw invalid('claim uscc (the 18-character unified social credit code) is required for role employer');
  return uscc;
}

function invalid(message: string): AuthException {
  return new AuthException(AuthExceptionCode.INVALID_TOKEN, message);
}
