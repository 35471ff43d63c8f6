import type { Principal } from '@work-permit/auth';

/**
 * Who may read an uploaded document: clerks and admins (they see every case); an officer when a case
 * with an item of their agency references it (the cases they may review); an applicant or employer
 * who uploaded it, or whose case references it; never an analyst (statistics need no documents).
 */
export type MaterialReadRule = 'always' | 'never' | 'when_referenced_by_agency_case' | 'when_uploaded_or_referenced_by_own_case';

export function materialReadRule(principal: Principal): MaterialReadRule {
  switch (principal.role) {
    case 'clerk':
    case 'admin':
      return 'always';
    case 'officer':
      return principal.agency === undefined ? 'never' : 'when_referenced_by_agency_case';
    case 'applicant':
    case 'employer':
      return 'when_uploaded_or_referenced_by_own_case';
    case 'analyst':
      return 'never';
  }
}
