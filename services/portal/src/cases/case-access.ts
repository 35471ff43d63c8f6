import type { Principal } from '@work-permit/auth';

interface Ownership {
  applicantSubject: string | null;
  employerSubject: string | null;
}

/**
 * Who may see a case (DESIGN.md, Security): its applicant, the employer that submitted it, window
 * clerks, admins, and officers of an agency that has an item in it. Others get "not found".
 */
export function canViewCase(principal: Principal, ownership: Ownership, itemAgencies: readonly string[]): boolean {
  switch (principal.role) {
    case 'applicant':
      return ownership.applicantSubject === principal.subject;
    case 'employer':
      return ownership.employerSubject === principal.subject;
    case 'clerk':
    case 'admin':
      return true;
    case 'officer':
      return principal.agency !== undefined && itemAgencies.includes(principal.agency);
    case 'analyst':
      return false;
  }
}

/** An officer sees only its own agency's items; everyone else who may see the case sees them all. */
export function visibleItems<I extends { agency: string }>(principal: Principal, items: readonly I[]): I[] {
  return principal.role === 'officer' ? items.filter((item) => item.agency === principal.agency) : [...items];
}

/** Answering supplement requests: the case's applicant or employer, or a clerk at the window. */
export function canSupplementCase(principal: Principal, ownership: Ownership): boolean {
  return principal.role === 'clerk' || isOwner(principal, ownership);
}

/** Withdrawing: only the case's applicant or employer. */
export function canWithdrawCase(principal: Principal, ownership: Ownership): boolean {
  return isOwner(principal, ownership);
}

function isOwner(principal: Principal, ownership: Ownership): boolean {
  return (
    (principal.role === 'applicant' && ownership.applicantSubject === principal.subject) ||
    (principal.role === 'employer' && ownership.employerSubject === principal.subject)
  );
}
