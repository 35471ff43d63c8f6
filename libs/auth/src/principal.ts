import { AuthException, AuthExceptionCode } from './auth.exception';

export const ROLES = ['applicant', 'employer', 'clerk', 'officer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const AGENCIES = ['approval', 'scitech', 'psb', 'hrss', 'bigdata'] as const;
export type Agency = (typeof AGENCIES)[number];

/** The verified caller of a request. */
export interface Principal {
  subject: string;
  role: Role;
  agency?: Agency;
}

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

export function isAgency(value: unknown): value is Agency {
  return (AGENCIES as readonly unknown[]).includes(value);
}

/**
 * The principal a token's claims describe: `sub`, `role`, and `agency` (required for an officer,
 * optional but checked for everyone else, e.g. an analyst of `bigdata`).
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
  if (agency === undefined) {
    if (role === 'officer') throw invalid('claim agency is required for role officer');
    return { subject: sub, role };
  }
  if (!isAgency(agency)) {
    throw invalid(`claim agency must be one of ${AGENCIES.join(', ')}`);
  }
  return { subject: sub, role, agency };
}

function invalid(message: string): AuthException {
  return new AuthException(AuthExceptionCode.INVALID_TOKEN, message);
}
