/**
 * Names the messages take from the catalogue by code when they are rendered: items, their actions,
 * materials and agencies, as the current version calls them (the official names). An unknown code is
 * shown as it is.
 */
import type { Lang } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';

export function itemName(code: string, lang: Lang): string {
  return getCatalogue().items.find((item) => item.code === code)?.name[lang] ?? code;
}

/** The item's name with the action when the item offers more than one (issue, change, extension). */
export function itemWithAction(code: string, action: string | undefined, lang: Lang): string {
  const item = getCatalogue().items.find((candidate) => candidate.code === code);
  if (!item) return code;
  const chosen = item.actions.length > 1 ? item.actions.find((candidate) => candidate.action === action) : undefined;
  if (!chosen) return item.name[lang];
  return lang === 'zh' ? `${item.name.zh}（${chosen.name.zh}）` : `${item.name.en} (${chosen.name.en.toLowerCase()})`;
}

export function materialName(code: string, lang: Lang): string {
  return getCatalogue().materials.find((material) => material.code === code)?.name[lang] ?? code;
}

export function agencyName(code: string, lang: Lang): string {
  return getCatalogue().agencies.find((agency) => agency.code === code)?.name[lang] ?? code;
}

/** Several items or materials by name, as each language lists them. */
export function names(codes: readonly string[], name: (code: string, lang: Lang) => string, lang: Lang, separator = lang === 'zh' ? '、' : ', '): string {
  return codes.map((code) => name(code, lang)).join(separator);
}

/** The name of one of an item's actions (签发 / Issue, 延期 / Extension…). */
export function actionName(itemCode: string, action: string, lang: Lang): string {
  return getCatalogue().items.find((item) => item.code === itemCode)?.actions.find((candidate) => candidate.action === action)?.name[lang] ?? action;
}

/** A form field's label by its path. */
export function fieldLabel(path: string, lang: Lang): string {
  return getCatalogue().fields.find((field) => field.path === path)?.label[lang] ?? path;
}
