import { asWritten, type CatalogueError, message } from '@work-permit/catalogue';
import type { FieldError } from '@work-permit/platform';
import { fieldProblem } from '../refusals';

/**
 * The `items` problem of a selection the catalogue refused to resolve (no item, an unknown item, a
 * step, an item twice, an action not offered): every problem in the catalogue's own words
 * (selection.*), in the order chosen.
 */
export function selectionProblem(error: CatalogueError): FieldError {
  const reasons = error.reasons;
  if (reasons.length === 0) return fieldProblem('items', asWritten(error.message));
  return fieldProblem('items', reasons.length === 1 ? reasons[0] : message('text.list', { parts: [...reasons] }));
}
