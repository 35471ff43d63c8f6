import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import { CATALOGUE_2026_1 } from '../data/catalogue-2026-1';
import type { Catalogue } from '../model/catalogue.model';
import { validateCatalogue } from './catalogue-consistency';

export const CURRENT_CATALOGUE_VERSION = '2026.1';

/**
 * Every released version stays here unchanged, so a case is always read with the version it was
 * submitted under. Each is checked when the module loads: an inconsistent catalogue stops the
 * service at boot, not in the middle of a case.
 */
const CATALOGUES: ReadonlyMap<string, Catalogue> = new Map(
  [CATALOGUE_2026_1].map((catalogue) => {
    validateCatalogue(catalogue);
    return [catalogue.version, deepFreeze(catalogue)];
  }),
);

export function getCatalogue(version: string = CURRENT_CATALOGUE_VERSION): Catalogue {
  const catalogue = CATALOGUES.get(version);
  if (!catalogue) {
    throw new CatalogueError(CatalogueErrorCode.UnknownVersion, `There is no catalogue version ${version}; known versions: ${catalogueVersions().join(', ')}`);
  }
  return catalogue;
}

export function catalogueVersions(): string[] {
  return [...CATALOGUES.keys()];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
