import type { AgencyCode, Catalogue, CatalogueItem, ItemAction, ItemSelection } from '../model/catalogue.model';
import { addMonths } from '../shared/calendar-date';

/** One item a case involves: chosen by the applicant, or a step that runs inside a chosen item. */
export interface CaseItemRef {
  code: string;
  action: ItemAction;
  agency: AgencyCode;
  kind: CatalogueItem['kind'];
}

/**
 * Every item a case involves: the chosen ones, and each step (talent category, list screening) that
 * a chosen item needs, with the step's only action. Every agency reads this same list, so the owner
 * of a step and the item waiting on it always agree on whether the step runs.
 */
export function caseItems(catalogue: Catalogue, selection: readonly ItemSelection[]): CaseItemRef[] {
  const byCode = new Map(catalogue.items.map((item) => [item.code, item]));
  const refs: CaseItemRef[] = [];
  const add = (item: CatalogueItem, action: ItemAction) => {
    if (refs.some((ref) => ref.code === item.code)) return;
    refs.push({ code: item.code, action, agency: item.agency, kind: item.kind });
    for (const step of stepsOf(catalogue, item, action)) add(step, step.actions[0].action);
  };
  for (const chosen of selection) {
    const item = byCode.get(chosen.code);
    if (item) add(item, chosen.action);
  }
  return refs;
}

export interface MaterialShortfall {
  /** Required documents not on file, in the catalogue's order. */
  missing: string[];
  /** Documents on file but issued longer ago than their validity allows on `today`. */
  expired: string[];
}

/**
 * Pre-review of one item's documents: every required document that is missing and every document
 * past its validity, so the agency can ask for all of them at once. A document that another item of
 * the same case produces (the work permit proof, when the work permit is chosen too) is not asked for.
 */
export function materialShortfall(
  catalogue: Catalogue,
  item: ItemSelection,
  caseSelection: readonly ItemSelection[],
  materials: readonly { code: string; issuedAt: string }[],
  { today }: { today: string },
): MaterialShortfall {
  const definition = catalogue.items.find((candidate) => candidate.code === item.code);
  const action = definition?.actions.find((candidate) => candidate.action === item.action);
  if (!action) return { missing: [], expired: [] };
  const chosen = new Set(caseSelection.map((selected) => selected.code));
  const documents = new Map(catalogue.materials.map((m) => [m.code, m]));
  const onFile = new Map(materials.map((m) => [m.code, m.issuedAt]));
  const missing: string[] = [];
  const expired: string[] = [];
  for (const use of action.materials) {
    const document = documents.get(use.code);
    if (document?.producedBy && chosen.has(document.producedBy)) continue;
    const issuedAt = onFile.get(use.code);
    if (issuedAt === undefined) {
      if (use.required) missing.push(use.code);
    } else if (document?.validityMonths !== undefined && issuedAt < addMonths(today, -document.validityMonths)) {
      expired.push(use.code);
    }
  }
  return { missing, expired };
}

/** The steps one action of an item runs: its own list, or every step among the item's prerequisites. */
export function stepsOf(catalogue: Catalogue, item: CatalogueItem, action: ItemAction): CatalogueItem[] {
  const declared = item.actions.find((candidate) => candidate.action === action)?.steps;
  return (declared ?? item.prerequisites)
    .map((code) => catalogue.items.find((candidate) => candidate.code === code))
    .filter((candidate): candidate is CatalogueItem => candidate?.kind === 'step');
}
