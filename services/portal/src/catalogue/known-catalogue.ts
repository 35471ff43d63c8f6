import { type Catalogue, CatalogueError, getCatalogue } from '@work-permit/catalogue';

/** The catalogue of that version, or undefined when this build no longer carries it. */
export function knownCatalogue(version: string): Catalogue | undefined {
  try {
    return getCatalogue(version);
  } catch (error) {
    if (error instanceof CatalogueError) return undefined;
    throw error;
  }
}
