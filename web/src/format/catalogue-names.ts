// Names from the catalogue (`GET /api/catalogue?lang=`), in the language it was asked in, for every area.
import type { CatalogueItem, CatalogueView } from '../api/platform-api';

/** Names from the catalogue in the reader's language: items and steps, their actions, documents. */
export interface CatalogueNames {
  item(code: string): string;
  action(code: string, action: string): string;
  material(code: string): string;
}

/** The list itself; a list the answer left out as none. */
function listOf<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** Every entry of the catalogue, the steps (talent category, screening) included when it lists them. */
export function catalogueEntries(catalogue: CatalogueView | undefined): CatalogueItem[] {
  return [...listOf(catalogue?.items), ...listOf(catalogue?.steps)];
}

type ItemMaterial = CatalogueItem['actions'][number]['materials'][number] | NonNullable<CatalogueItem['materials']>[number];

/** The item's documents of every action (the catalogue's `materials`, else its actions' lists). */
export function itemMaterials(item: CatalogueItem): readonly ItemMaterial[] {
  return Array.isArray(item.materials) ? item.materials : listOf(item.actions).flatMap((action) => listOf(action.materials));
}

/** Names by code; an unknown code names itself, so nothing is ever blank. */
export function catalogueNamesOf(catalogue: CatalogueView | undefined): CatalogueNames {
  const items = new Map<string, string>();
  const actions = new Map<string, string>();
  const materials = new Map<string, string>();
  const nameMaterials = (list: readonly ItemMaterial[]) => {
    for (const material of list) if (!materials.has(material.code)) materials.set(material.code, material.name);
  };
  for (const item of catalogueEntries(catalogue)) {
    items.set(item.code, item.name);
    nameMaterials(listOf(item.materials));
    for (const action of listOf(item.actions)) {
      actions.set(`${item.code}:${action.action}`, action.name);
      nameMaterials(listOf(action.materials));
    }
  }
  return {
    item: (code) => items.get(code) ?? code,
    action: (code, action) => actions.get(`${code}:${action}`) ?? action,
    material: (code) => materials.get(code) ?? code,
  };
}
