import type { Principal } from '@work-permit/auth';
import { type Catalogue, dataScopeOf } from '@work-permit/catalogue';
import { type Caller, type CaseParties, isPartyTo } from './case-parties';

/**
 * Who may see a case (DESIGN.md, Security): its applicant and its employer by verified identity,
 * window clerks, admins, and officers of an agency that has an item in it. Others get "not found".
 */
export function canViewCase(caller: Caller, parties: CaseParties, itemAgencies: readonly string[]): boolean {
  const { principal } = caller;
  switch (principal.role) {
    case 'applicant':
    case 'employer':
      return isPartyTo(caller, parties);
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

/**
 * An officer sees only the documents its agency's data scope releases (from the case's catalogue
 * version; none when this build no longer has it); the parties, clerks and admins see them all.
 */
export function visibleMaterials<M extends { code: string }>(principal: Principal, catalogue: Catalogue | undefined, materials: readonly M[]): M[] {
  if (principal.role !== 'officer') return [...materials];
  if (!principal.agency || !catalogue) return [];
  return dataScopeOf(catalogue, principal.agency).filterMaterials(materials);
}

/** Who accepted an offline case at the window is the offices' business, not the parties'. */
export function seesWhoAccepted(principal: Principal): boolean {
  return principal.role === 'clerk' || principal.role === 'officer' || principal.role === 'admin';
}

/** Answering supplement requests: the case's applicant or employer, or a clerk at the window. */
export function canSupplementCase(caller: Caller, parties: CaseParties): boolean {
  return caller.principal.role === 'clerk' || isPartyTo(caller, parties);
}

/** Withdrawing: only the case's applicant or employer. */
export function canWithdrawCase(caller: Caller, parties: CaseParties): boolean {
  return isPartyTo(caller, parties);
}
