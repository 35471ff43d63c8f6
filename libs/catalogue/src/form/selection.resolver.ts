import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import { message, render } from '../messages/message';
import type { Message } from '../messages/phrase';
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
    const empty = message('selection.empty');
    throw new CatalogueError(CatalogueErrorCode.EmptySelection, render(empty, 'en'), [], [empty]);
  }
  const problems: { code: CatalogueErrorCode; reason: Message }[] = [];
  const choices: Choice[] = [];
  const seen = new Set<string>();
  for (const chosen of selection) {
    const item = catalogue.items.find((candidate) => candidate.code === chosen.code);
    if (!item) {
      problems.push({ code: CatalogueErrorCode.UnknownItem, reason: message('selection.unknown_item', { item: String(chosen.code), version: catalogue.version }) });
      continue;
    }
    if (item.kind === 'step') {
      problems.push({ code: CatalogueErrorCode.StepNotSelectable, reason: message('selection.step', { item: item.code }) });
      continue;
    }
    if (seen.has(item.code)) {
      problems.push({ code: CatalogueErrorCode.DuplicateItem, reason: message('selection.duplicate', { item: item.code }) });
      continue;
    }
    seen.add(item.code);
    const action = item.actions.find((candidate) => candidate.action === chosen.action);
    if (!action) {
      const offered = item.actions.map((a) => a.action);
      problems.push({ code: CatalogueErrorCode.ActionNotOffered, reason: message('selection.action_not_offered', { item: item.code, action: String(chosen.action), offered }) });
      continue;
    }
    choices.push({ item, action });
  }
  if (problems.length > 0) {
    throw new CatalogueError(
      problems[0].code,
      problems.map((p) => render(p.reason, 'en')).join('; '),
      problems.map((p) => render(p.reason, 'en')),
      problems.map((p) => p.reason),
    );
  }
  return choices;
}
