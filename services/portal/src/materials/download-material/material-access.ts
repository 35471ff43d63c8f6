import type { Principal } from '@work-permit/auth';
import { type Catalogue, stepsOf } from '@work-permit/catalogue';

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

/**
 * The items whose cases an agency's officers review: its own items, and the items a step of the
 * agency runs inside (science-tech's talent category and data-sharing's list screening sit inside
 * the work permit), so those officers can read the documents they judge.
 */
export function itemsReviewedBy(catalogue: Catalogue, agency: string): string[] {
  return catalogue.items
    .filter((item) => item.kind !== 'step')
    .filter((item) => item.agency === agency || item.actions.some((action) => stepsOf(catalogue, item, action.action).some((step) => step.agency === agency)))
    .map((item) => item.code);
}
