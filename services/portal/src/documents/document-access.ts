import { type Catalogue, dataScopeOf } from '@work-permit/catalogue';
import { canViewCase } from '../cases/case-access';
import { type Caller, type CaseParties, isPartyTo } from '../cases/case-parties';

/** What deciding who reads a document needs to know of it. */
export interface DocumentFacts {
  /** `portal` or the issuing agency's code. */
  issuer: string;
  /** The person's data it shows, as data-scope keys. */
  dataKeys: readonly string[];
}

/** What is known of the document's case; `parties` is absent when the portal does not hold the case. */
export interface DocumentCase {
  parties?: CaseParties;
  itemAgencies: readonly string[];
  /** The case's catalogue version, when this build has it. */
  catalogue?: Catalogue;
}

/**
 * Who reads a case's formal documents: its applicant and employer (by verified identity, whoever
 * filed it), clerks and admins; an officer of the agency that issued it; and an officer of an agency
 * that may see the case (an item of its own in it) when its data scope releases everything the
 * document shows of the person — so the residence-permit bureau reads the work permit it builds on,
 * while science and technology, which holds no names, reads no document that names the applicant.
 * Analysts read none. A refusal is answered as "not found".
 */
export function mayReadDocument(caller: Caller, theCase: DocumentCase, document: DocumentFacts): boolean {
  const { principal } = caller;
  switch (principal.role) {
    case 'applicant':
    case 'employer':
      return theCase.parties !== undefined && isPartyTo(caller, theCase.parties);
    case 'clerk':
    case 'admin':
      return true;
    case 'officer': {
      const agency = principal.agency;
      if (!agency) return false;
      if (document.issuer === agency) return true;
      if (!theCase.parties || !theCase.catalogue || !canViewCase(caller, theCase.parties, theCase.itemAgencies)) return false;
      const scope = dataScopeOf(theCase.catalogue, agency);
      return document.dataKeys.every((key) => scope.releases(key));
    }
    case 'analyst':
      return false;
  }
}
