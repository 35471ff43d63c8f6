import type { CatalogueView } from '../../api/platform-api';
import type { RuleFinding } from '../../api/types';
import { catalogueEntries, catalogueNamesOf, itemMaterials } from '../../format/catalogue-names';

export interface SupplementChoice {
  code: string;
  name: string;
  /** A failed rule names it: the likely document to ask for. */
  suggested: boolean;
}

/**
 * The documents an officer may ask for on an item: the ones failed rules point at first, then those of
 * the item's action in the catalogue; the documents on file only when the catalogue lists none for it.
 */
export function supplementChoicesOf(
  catalogue: CatalogueView | undefined,
  item: { code: string; action: string; findings: readonly RuleFinding[] },
  onFile: readonly { code: string }[],
): SupplementChoice[] {
  const names = catalogueNamesOf(catalogue);
  const entry = catalogueEntries(catalogue).find((candidate) => candidate.code === item.code);
  const ofAction = entry?.actions.find((action) => action.action === item.action)?.materials ?? (entry ? itemMaterials(entry) : []);
  const suggested = new Set(item.findings.filter((finding) => !finding.passed && finding.material).map((finding) => finding.material as string));
  const listed = ofAction.length > 0 ? ofAction.map((material) => material.code) : onFile.map((material) => material.code);
  const codes = [...new Set([...suggested, ...listed])];
  return codes.map((code) => ({ code, name: names.material(code), suggested: suggested.has(code) }));
}
