import { AuthException, AuthExceptionCode } from './auth.exception';
import type { Agency, Principal, Role } from './principal';

/** What an endpoint demands of its caller; an absent list places no restriction. */
export interface AccessRequirement {
  roles?: readonly Role[];
  agencies?: readonly Agency[];
}

/**
 * Throws unless the principal meets the requirement. Agencies narrow officers only: other roles
 * are admitted or refused by their role alone.
 */
export function assertAccess(principal: Principal, requirement: AccessRequirement): void {
  const { roles, agencies } = requirement;
  if (roles !== undefined && !roles.includes(principal.role)) {
    throw new AuthException(
      AuthExceptionCode.ROLE_NOT_ALLOWED,
      `this endpoint is for ${roles.join(', ')}; the caller's role is ${principal.role}`,
    );
  }
  if (agencies !== undefined && principal.role === 'officer' && (principal.agency === undefined || !agencies.includes(principal.agency))) {
    throw new AuthException(
      AuthExceptionCode.AGENCY_NOT_ALLOWED,
      `this endpoint is for officers of ${agencies.join(', ')}; the caller is an officer of ${principal.agency ?? 'no agency'}`,
    );
  }
}
