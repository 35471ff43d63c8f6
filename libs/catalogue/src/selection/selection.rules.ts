import { resolveSelection } from '../form/selection.resolver';
import type { Catalogue, CatalogueItem, FilingWindow, ItemActionDefinition, ItemCode, ItemSelection, Localized } from '../model/catalogue.model';
import { isBlank, valueAt } from '../shared/body-path';
import { assertCalendarDate, daysBetween, isCalendarDate } from '../shared/calendar-date';
import { localize, message } from '../messages/message';
import type { Message } from '../messages/phrase';

export type SelectionRefusalCode = 'prerequisite_missing' | 'outside_filing_window' | 'filing_date_missing';

/** Why a chosen item cannot be accepted as submitted. */
export interface SelectionRefusal {
  item: ItemCode;
  code: SelectionRefusalCode;
  message: Localized;
}

export interface SelectionCheckOptions {
  /** The day of submission, `YYYY-MM-DD`. */
  today: string;
}

/**
 * The selection rules at submission, read from the catalogue: every selectable prerequisite of a
 * chosen item is chosen too or shown as held and valid today (steps are implied), and every change
 * or extension is filed within its window. Expects a body that passed validateCaseBody.
 */
export function checkSelection(catalogue: Catalogue, selection: readonly ItemSelection[], body: unknown, options: SelectionCheckOptions): SelectionRefusal[] {
  assertCalendarDate(options.today, 'today');
  const choices = resolveSelection(catalogue, selection);
  const chosen = new Set(choices.map((choice) => choice.item.code));
  const refusals: SelectionRefusal[] = [];
  for (const { item, action } of choices) {
    for (const code of item.prerequisites) {
      const prerequisite = catalogue.items.find((candidate) => candidate.code === code);
      if (!prerequisite || prerequisite.kind === 'step' || chosen.has(code)) continue;
      const refusal = missingPrerequisite(catalogue, item, prerequisite, body, options.today);
      if (refusal) refusals.push(refusal);
    }
    if (action.window) {
      const refusal = windowRefusal(catalogue, item, action, action.window, body, options.today);
      if (refusal) refusals.push(refusal);
    }
  }
  return refusals;
}

function missingPrerequisite(catalogue: Catalogue, item: CatalogueItem, prerequisite: CatalogueItem, body: unknown, today: string): SelectionRefusal | undefined {
  const number = prerequisite.heldEvidenceField ? valueAt(body, prerequisite.heldEvidenceField) : undefined;
  const validTo = prerequisite.heldValidToField ? valueAt(body, prerequisite.heldValidToField) : undefined;
  const held = !isBlank(number) && (!prerequisite.heldValidToField || (isCalendarDate(validTo) && validTo >= today));
  if (held) return undefined;

  const needs = { item: item.name, itemCode: item.code, prerequisite: prerequisite.name, prerequisiteCode: prerequisite.code };
  if (!prerequisite.heldEvidenceField) return refuse(item, 'prerequisite_missing', message('selection.prerequisite.choose', needs));
  const evidence = [prerequisite.heldEvidenceField, prerequisite.heldValidToField].flatMap((path) => {
    const field = path ? catalogue.fields.find((f) => f.path === path) : undefined;
    return field ? [field.label] : [];
  });
  if (!isBlank(number) && isCalendarDate(validTo)) return refuse(item, 'prerequisite_missing', message('selection.prerequisite.expired', { ...needs, validTo }));
  return refuse(item, 'prerequisite_missing', message('selection.prerequisite.choose_or_hold', { ...needs, evidence }));
}

function windowRefusal(
  catalogue: Catalogue,
  item: CatalogueItem,
  action: ItemActionDefinition,
  window: FilingWindow,
  body: unknown,
  today: string,
): SelectionRefusal | undefined {
  const path = window.kind === 'before_expiry' ? window.expiryField : window.eventDateField;
  const date = valueAt(body, path);
  const what = { item: item.name, itemCode: item.code, action: action.name };
  if (!isCalendarDate(date)) {
    const field = catalogue.fields.find((f) => f.path === path);
    return refuse(item, 'filing_date_missing', message('selection.window.date_missing', { ...what, field: field?.label ?? { zh: path, en: path } }));
  }
  if (window.kind === 'before_expiry') {
    const left = daysBetween(today, date);
    if (left >= window.minDays && (window.maxDays === undefined || left <= window.maxDays)) return undefined;
    if (window.maxDays === undefined) {
      return refuse(item, 'outside_filing_window', message('selection.window.latest_before_expiry', { ...what, minDays: window.minDays, date, left }));
    }
    return refuse(item, 'outside_filing_window', message('selection.window.before_expiry', { ...what, minDays: window.minDays, maxDays: window.maxDays, date, left }));
  }
  const since = daysBetween(date, today);
  if (since >= 0 && since <= window.maxDays) return undefined;
  if (since < 0) return refuse(item, 'outside_filing_window', message('selection.window.change_not_yet', { ...what, date }));
  return refuse(item, 'outside_filing_window', message('selection.window.change_late', { ...what, maxDays: window.maxDays, date, since }));
}

/** The refusal with its reason in both languages (the catalogue's selection.* messages). */
function refuse(item: CatalogueItem, code: SelectionRefusalCode, reason: Message): SelectionRefusal {
  return { item: item.code, code, message: localize(reason) };
}
