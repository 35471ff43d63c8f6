import { resolveSelection } from '../form/selection.resolver';
import type { Catalogue, CatalogueItem, FieldDefinition, FilingWindow, ItemActionDefinition, ItemCode, ItemSelection, Localized } from '../model/catalogue.model';
import { isBlank, valueAt } from '../shared/body-path';
import { assertCalendarDate, daysBetween, isCalendarDate } from '../shared/calendar-date';

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

  const needs: Localized = {
    zh: `${item.name.zh}（${item.code}）需要${prerequisite.name.zh}（${prerequisite.code}）`,
    en: `${item.name.en} (${item.code}) needs the ${prerequisite.name.en} (${prerequisite.code})`,
  };
  if (!prerequisite.heldEvidenceField) {
    return refuse(item, 'prerequisite_missing', { zh: `${needs.zh}：请在本次申请中一并选择。`, en: `${needs.en}: choose it in this application too.` });
  }
  const evidence = [prerequisite.heldEvidenceField, prerequisite.heldValidToField].flatMap((path) => {
    const field = path ? catalogue.fields.find((f) => f.path === path) : undefined;
    return field ? [field] : [];
  });
  if (!isBlank(number) && isCalendarDate(validTo)) {
    return refuse(item, 'prerequisite_missing', {
      zh: `${needs.zh}：所持${prerequisite.name.zh}已于${validTo}到期，请在本次申请中一并选择。`,
      en: `${needs.en}: the one you hold expired on ${validTo}; choose it in this application too.`,
    });
  }
  return refuse(item, 'prerequisite_missing', {
    zh: `${needs.zh}：请在本次申请中一并选择，或填写所持有效证件的${labels(evidence, 'zh')}。`,
    en: `${needs.en}: choose it in this application too, or give the ${labels(evidence, 'en')} of the valid one you hold.`,
  });
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
  const what: Localized = { zh: `${item.name.zh}${action.name.zh}（${item.code}）`, en: `${action.name.en} of the ${item.name.en} (${item.code})` };
  if (!isCalendarDate(date)) {
    const field = catalogue.fields.find((f) => f.path === path);
    return refuse(item, 'filing_date_missing', {
      zh: `${what.zh}需要填写${field?.label.zh ?? path}。`,
      en: `${what.en} needs the ${field?.label.en ?? path}.`,
    });
  }
  if (window.kind === 'before_expiry') {
    const left = daysBetween(today, date);
    if (left >= window.minDays && (window.maxDays === undefined || left <= window.maxDays)) return undefined;
    if (window.maxDays === undefined) {
      return refuse(item, 'outside_filing_window', {
        zh: `${what.zh}应至迟在有效期届满前${window.minDays}日申请；有效期至${date}，距今${left}日。`,
        en: `${what.en} must be filed at least ${window.minDays} days before expiry; it expires on ${date}, ${left} days from today.`,
      });
    }
    return refuse(item, 'outside_filing_window', {
      zh: `${what.zh}应在有效期届满前${window.maxDays}日至${window.minDays}日之间申请；有效期至${date}，距今${left}日。`,
      en: `${what.en} may be filed from ${window.maxDays} to ${window.minDays} days before expiry; it expires on ${date}, ${left} days from today.`,
    });
  }
  const since = daysBetween(date, today);
  if (since >= 0 && since <= window.maxDays) return undefined;
  if (since < 0) {
    return refuse(item, 'outside_filing_window', {
      zh: `${what.zh}：变更事项发生日期${date}晚于今日，变更发生后方可申请。`,
      en: `${what.en}: the change date ${date} is after today; file once the change has occurred.`,
    });
  }
  return refuse(item, 'outside_filing_window', {
    zh: `${what.zh}应在变更事项发生之日起${window.maxDays}日内申请；变更发生于${date}，已过${since}日。`,
    en: `${what.en} must be filed within ${window.maxDays} days of the change; the change occurred on ${date}, ${since} days ago.`,
  });
}

function refuse(item: CatalogueItem, code: SelectionRefusalCode, message: Localized): SelectionRefusal {
  return { item: item.code, code, message };
}

function labels(fields: FieldDefinition[], lang: keyof Localized): string {
  return fields.map((field) => (lang === 'zh' ? `“${field.label.zh}”` : `"${field.label.en}"`)).join(lang === 'zh' ? '和' : ' and ');
}
