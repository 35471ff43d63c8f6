import type { Agency, Principal } from '@work-permit/auth';
import { type Catalogue, type DataScope, dataScopeOf, getCatalogue } from '@work-permit/catalogue';

/** How one caller reads the record: the scope that releases its keys, and the agency the access log names. */
export interface ReaderScope {
  scope: DataScope;
  /** An officer's agency; `bigdata` for an analyst, whose bureau keeps the statistics. */
  loggedAgency: Agency;
}

/**
 * The catalogue's data scope for the caller, the same one every door applies: an officer reads with
 * their agency's, an analyst with the statistical `analyst` scope whatever agency their token names.
 * The current catalogue decides: a person's record spans cases of several catalogue versions.
 */
export function readerScopeOf(principal: Pick<Principal, 'role' | 'agency'>, catalogue: Catalogue = getCatalogue()): ReaderScope | undefined {
  if (principal.role === 'officer' && principal.agency) return { scope: dataScopeOf(catalogue, principal.agency), loggedAgency: principal.agency };
  if (principal.role === 'analyst') return { scope: dataScopeOf(catalogue, 'analyst'), loggedAgency: 'bigdata' };
  return undefined;
}
