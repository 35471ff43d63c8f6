import type { FieldError } from '../../api/http';
import type { CatalogueItem, CatalogueView, FeeView } from '../../api/platform-api';
import type { ItemSelection, MergedForm } from '../../api/types';
import { catalogueEntries } from '../../format/catalogue-names';

/** The items one may choose: basic and extended, never the steps run inside them. */
export function selectableItems(catalogue: CatalogueView): CatalogueItem[] {
  return catalogue.items.filter((item) => item.kind !== 'step');
}

/** What a first application of the item is: `issue` for permits, `apply` for the others. */
export function defaultAction(item: Pick<CatalogueItem, 'actions'>): string {
  return (item.actions.find((action) => action.action === 'issue' || action.action === 'apply') ?? item.actions[0])?.action ?? 'apply';
}

/** The action chosen for the item if the item has it, else its first application. */
export function actionOf(item: Pick<CatalogueItem, 'code' | 'actions'>, actions: Readonly<Record<string, string>>): string {
  const action = actions[item.code];
  return action && item.actions.some((a) => a.action === action) ? action : defaultAction(item);
}

/** The selection in catalogue order: every chosen item with its chosen action (else its first one). */
export function selectionOf(items: readonly CatalogueItem[], chosen: ReadonlySet<string>, actions: Readonly<Record<string, string>>): ItemSelection[] {
  return items.filter((item) => chosen.has(item.code)).map((item) => ({ code: item.code, action: actionOf(item, actions) }));
}

/** The item's prerequisites an applicant chooses (not the steps), which are not chosen. */
export function missingPrerequisites(item: Pick<CatalogueItem, 'prerequisites'>, chosen: ReadonlySet<string>): { code: string; name: string }[] {
  return (item.prerequisites ?? []).filter((prerequisite) => prerequisite.kind !== 'step' && !chosen.has(prerequisite.code)).map(({ code, name }) => ({ code, name }));
}

/** Item names by code, from the catalogue in the reader's language (steps too). */
export function itemNames(catalogue: CatalogueView | undefined): Record<string, string> {
  return Object.fromEntries(catalogueEntries(catalogue).map((item) => [item.code, item.name]));
}

export interface MaterialInfo {
  name: string;
  validityMonths?: number;
}

/** Every document the catalogue knows, by code: its name in the reader's language and validity. */
export function materialInfo(catalogue: CatalogueView | undefined): Record<string, MaterialInfo> {
  const info: Record<string, MaterialInfo> = {};
  for (const item of catalogue?.items ?? []) {
    for (const material of item.materials ?? []) {
      info[material.code] ??= { name: material.name, ...(material.validityMonths !== undefined ? { validityMonths: material.validityMonths } : {}) };
    }
  }
  return info;
}

export interface ReductionRow {
  what: 'fields' | 'materials';
  separate: number;
  merged: number;
  saved: number;
}

/** The reduction as table rows: what applying item by item would ask against the one form. */
export function reductionRows(reduction: MergedForm['reduction']): ReductionRow[] {
  return [
    { what: 'fields', separate: reduction.fieldsSeparate, merged: reduction.fieldsMerged, saved: Math.max(0, reduction.fieldsSeparate - reduction.fieldsMerged) },
    { what: 'materials', separate: reduction.materialsSeparate, merged: reduction.materialsMerged, saved: Math.max(0, reduction.materialsSeparate - reduction.materialsMerged) },
  ];
}

/** One line of a fee, as an i18n key of the `applicant:fee` texts and its parameters. */
export interface FeeLine {
  key: 'free' | 'bandFirst' | 'band';
  params?: Record<string, number>;
}

/** The fee rule as lines: free, or one line per validity band. */
export function feeLines(fee: FeeView): FeeLine[] {
  if (fee.kind === 'free') return [{ key: 'free' }];
  return fee.bands.map((band) => ({
    key: band.fromMonths === 0 ? 'bandFirst' : 'band',
    params: { from: band.fromMonths, below: band.belowMonths, fee: band.feeCny },
  }));
}

/** One refusal of a selection (422 `selection_refused`), readable in the reader's language. */
export interface RefusalLine {
  item?: string;
  message: string;
}

/** The 422's details: each refused item with the server's message in the reader's language. */
export function refusalLines(details: readonly FieldError[], lang: string): RefusalLine[] {
  return details.map((detail) => {
    const extra = detail as FieldError & { item?: unknown; messageZh?: unknown };
    const message = lang === 'zh' && typeof extra.messageZh === 'string' && extra.messageZh ? extra.messageZh : detail.message;
    return typeof extra.item === 'string' ? { item: extra.item, message } : { message: detail.field ? `${detail.field}: ${message}` : message };
  });
}
