import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import type { Catalogue, CatalogueItem, ItemActionDefinition, ItemSelection } from '../model/catalogue.model';

/** One chosen item with the definition of the chosen action. */
export interface Choice {
  item: CatalogueItem;
  action: ItemActionDefinition;
}

/**
 * The catalogue definitions of a selection, in the order chosen. Every problem (unknown item, a step,
 * an action the item does not offer, an item chosen twice) is reported at once, naming the item.
 */
export function resolveSelection(catalogue: Catalogue, selection: readonly ItemSelection[]): Choice[] {
  if (!Array.isArray(selection) || selection.length === 0) {
    throw new CatalogueError(CatalogueErrorCode.EmptySelection, 'Choose at least one item');
  }
  const problems: { code: CatalogueErrorCode; message: string }[] = [];
  const choices: Choice[] = [];
  const seen = new Set<string>();
  for (const chosen of selection) {
    const item = catalogue.items.find((candidate) => candidate.code === chosen.code);
    if (!item) {
      problems.push({ code: CatalogueErrorCode.UnknownItem, message: `${String(chosen.code)} is not an item of catalogue ${catalogue.version}` });
      continue;
    }
    if (item.kind === 'step') {
      problems.push({
        code: CatalogueErrorCode.StepNotSelectable,
        message: `${item.code} is a step inside the items that need it and cannot be chosen on its own`,
      });
      continue;
    }
    if (seen.has(item.code)) {
      problems.push({ code: CatalogueErrorCode.DuplicateItem, message: `${item.code} is chosen more than once; choose one action per item` });
      continue;
    }
    seen.add(item.code);
    const action = item.actions.find((candidate) => candidate.action === chosen.action);
    if (!action) {
      const offered = item.actions.map((a) => a.action).join(', ');
      problems.push({ code: CatalogueErrorCode.ActionNotOffered, message: `${item.code} does not offer the action ${String(chosen.action)} (it offers ${offered})` });
      continue;
    }
    choices.push({ item, action });
  }
  if (problems.length > 0) {
    throw new CatalogueError(
      problems[0].code,
      problems.map((p) => p.message).join('; '),
      problems.map((p) => p.message),
    );
  }
  return choices;
}
