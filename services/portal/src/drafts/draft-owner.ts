import type { Caller } from '../cases/case-parties';

export type DraftOwnerKind = 'applicant' | 'employer' | 'clerk';

/** Whose a draft is, in the terms it is stored by. */
export interface DraftOwner {
  kind: DraftOwnerKind;
  key: string;
}

/**
 * The owner of the drafts a caller writes and reads, from the verified token only (as their cases are
 * found, `ownCasesKey`): an applicant by the applicant id of their identity — on any account —, an
 * employer by its credit code, a clerk by their own subject. Never from anything a body says. Other
 * roles keep no drafts (the routes refuse them before this).
 */
export function draftOwnerOf(caller: Caller): DraftOwner | undefined {
  const { principal } = caller;
  switch (principal.role) {
    case 'applicant':
      return caller.applicantId ? { kind: 'applicant', key: caller.applicantId } : undefined;
    case 'employer':
      return principal.uscc ? { kind: 'employer', key: principal.uscc.toUpperCase() } : undefined;
    case 'clerk':
      return { kind: 'clerk', key: principal.subject };
    case 'officer':
    case 'analyst':
    case 'admin':
      return undefined;
  }
}
