import type { Agency, Principal } from '@work-permit/auth';
import { type Catalogue, dataScopeOf, stepsOf } from '@work-permit/catalogue';

/**
 * Who may read an uploaded document: clerks and admins (they see every case); an officer when a case
 * their agency reviews references it under a material code their agency's data scope releases; an
 * applicant or employer who uploaded it, or whose case (by verified identity) references it; never an
 * analyst (statistics need no documents). Whoever may not read it is told it does not exist.
 */
export type MaterialReadRule = 'always' | 'never' | 'when_referenced_in_agency_scope' | 'when_uploaded_or_referenced_by_own_case';

export function materialReadRule(principal: Principal): MaterialReadRule {
  switch (principal.role) {
    case 'clerk':
    case 'admin':
      return 'always';
    case 'officer':
      return principal.agency === undefined ? 'never' : 'when_referenced_in_agency_scope';
    case 'applicant':
    case 'employer':
      return 'when_uploaded_or_referenced_by_own_case';
    case 'analyst':
      return 'never';
  }
}

/** A case referencing a document: the case's catalogue version, the code it names the document under, and one item of the case. */
export interface MaterialReference {
  catalogueVersion: string;
  materialCode: string;
  itemCode: string;
}

/**
 * An officer reads a document when some case references it under a code the agency's data scope
 * releases and has an item the agency reviews, both by the case's own catalogue version (a version
 * this build no longer has releases nothing). An HR officer never reads a criminal-record certificate,
 * whichever case names it.
 */
export function officerMayRead(agency: Agency, references: readonly MaterialReference[], catalogueOf: (version: string) => Catalogue | undefined): boolean {
  return references.some(({ catalogueVersion, materialCode, itemCode }) => {
    const catalogue = catalogueOf(catalogueVersion);
    return catalogue !== undefined && itemsReviewedBy(catalogue, agency).includes(itemCode) && dataScopeOf(catalogue, agency).releasesMaterial(materialCode);
  });
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
