import type { Principal } from '@work-permit/auth';

/**
 * Whom a case is for, recorded at submission: the applicant by the applicant id of the person the
 * form names, the employer by its credit code. Who filed it (applicant, employer or a clerk at the
 * window) does not matter for who owns it.
 */
export interface CaseParties {
  applicantId: string;
  employerUscc: string | null;
}

/** A verified caller in the terms cases record their parties by. */
export interface Caller {
  principal: Principal;
  /** The applicant id of an applicant's verified identity; absent for every other role. */
  applicantId?: string;
}

/** `ApplicantIds` of @work-permit/platform, or anything else that derives applicant ids the same way. */
export interface ApplicantIdDerivation {
  of(nationality: string, passportNo: string): string;
}

export function callerOf(principal: Principal, applicantIds: ApplicantIdDerivation): Caller {
  const identity = principal.role === 'applicant' ? principal.identity : undefined;
  return identity ? { principal, applicantId: applicantIds.of(identity.nationality, identity.passportNo) } : { principal };
}

/** Whether the caller is the case's applicant (by verified identity) or its employer (by verified credit code), whoever filed it. */
export function isPartyTo(caller: Caller, parties: CaseParties): boolean {
  switch (caller.principal.role) {
    case 'applicant':
      return caller.applicantId !== undefined && caller.applicantId === parties.applicantId;
    case 'employer':
      return caller.principal.uscc !== undefined && caller.principal.uscc === parties.employerUscc;
    case 'clerk':
    case 'officer':
    case 'analyst':
    case 'admin':
      return false;
  }
}

/** What the caller's own cases (`mine=true`) are found by; undefined for roles that have none. */
export function ownCasesKey(caller: Caller): { applicantId: string } | { employerUscc: string } | undefined {
  if (caller.principal.role === 'applicant' && caller.applicantId) return { applicantId: caller.applicantId };
  if (caller.principal.role === 'employer' && caller.principal.uscc) return { employerUscc: caller.principal.uscc };
  return undefined;
}

/** The employer credit code a case body names, as the case records it (upper case), or null. */
export function employerUsccOf(body: Record<string, unknown>): string | null {
  const employer = body.employer;
  if (employer === null || typeof employer !== 'object') return null;
  const uscc = (employer as Record<string, unknown>).uscc;
  return typeof uscc === 'string' && uscc.trim() !== '' ? uscc.trim().toUpperCase() : null;
}
