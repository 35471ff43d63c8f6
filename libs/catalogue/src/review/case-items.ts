import { conditionHolds } from '../conditions/field-condition';
import type { AgencyCode, Catalogue, CatalogueItem, ItemAction, ItemSelection, MaterialUse, StepUse } from '../model/catalogue.model';
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
 * a chosen item runs on this case body, with the step's only action. Every agency reads this same list,
 * so the owner of a step and the item waiting on it always agree on whether the step runs — which is
 * why every field a step's condition reads is in every agency's data scope (`dataScopeOf`).
 * Without a body, a conditional step counts as running (every step the case may involve).
 */
export function caseItems(catalogue: Catalogue, selection: readonly ItemSelection[], body?: unknown): CaseItemRef[] {
  const byCode = new Map(catalogue.items.map((item) => [item.code, item]));
  const refs: CaseItemRef[] = [];
  const add = (item: CatalogueItem, action: ItemAction) => {
    if (refs.some((ref) => ref.code === item.code)) return;
    refs.push({ code: item.code, action, agency: item.agency, kind: item.kind });
    for (const step of stepsOf(catalogue, item, action, body)) add(step, step.actions[0].action);
  };
  for (const chosen of selection) {
    const item = byCode.get(chosen.code);
    if (item) add(item, chosen.action);
  }
  return refs;
}

export interface MaterialShortfall {
  /** Required documents not on file, in the catalogue's order; a conditional one when its condition holds. */
  missing: string[];
  /** Documents on file but issued longer ago than their validity allows on `today`. */
  expired: string[];
}

export interface ShortfallOptions {
  /** The day of review, `YYYY-MM-DD`. */
  today: string;
  /** The case body the conditional documents' conditions are tested on. */
  body: unknown;
}

/**
 * Pre-review of one item's documents: every required document that is missing — a conditional one
 * when its condition holds on the case body — and every document past its validity, so the agency can
 * ask for all of them at once. A document that another item of the same case produces (the work
 * permit proof, when the work permit is chosen too) is not asked for.
 */
export function materialShortfall(
  catalogue: Catalogue,
  item: ItemSelection,
  caseSelection: readonly ItemSelection[],
  materials: readonly { code: string; issuedAt: string }[],
  { today, body }: ShortfallOptions,
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
      if (isRequired(use, body, today)) missing.push(use.code);
    } else if (document?.validityMonths !== undefined && issuedAt < addMonths(today, -document.validityMonths)) {
      expired.push(use.code);
    }
  }
  return { missing, expired };
}

/** Whether the action needs the document on this case body: always, or because its condition holds. */
export function isRequired(use: MaterialUse, body: unknown, today: string): boolean {
  return use.required || (use.when !== undefined && conditionHolds(use.when, body, { today }));
}

/**
 * The steps one action of an item runs: its own list, or every step among the item's prerequisites.
 * With a body, a conditional step only when its condition holds; without one, every step it may run.
 */
export function stepsOf(catalogue: Catalogue, item: CatalogueItem, action: ItemAction, body?: unknown): CatalogueItem[] {
  return stepUsesOf(catalogue, item, action)
    .filter((use) => body === undefined || use.when === undefined || conditionHolds(use.when, body))
    .map(({ code }) => catalogue.items.find((candidate) => candidate.code === code) as CatalogueItem);
}

/** The step uses of one action, each with the condition it runs under (none: always); only codes of steps. */
export function stepUsesOf(catalogue: Catalogue, item: CatalogueItem, action: ItemAction): StepUse[] {
  const declared = item.actions.find((candidate) => candidate.action === action)?.steps ?? item.prerequisites.map((code) => ({ code }));
  return declared.filter((use) => catalogue.items.find((candidate) => candidate.code === use.code)?.kind === 'step');
}
