import type {
  AgencyCode,
  Catalogue,
  CatalogueItem,
  FeeRule,
  FieldDefinition,
  FilingWindow,
  ItemActionDefinition,
  ItemCode,
  Lang,
  MaterialDefinition,
  TimeLimit,
} from '../model/catalogue.model';
import { dependantsOf, topologicalOrder } from '../graph/prerequisite-graph';
import { GuideError, GuideErrorCode } from './guide.exception';
import { PHRASES } from './guide-labels';
import type { GuideItemRef, GuideSection } from './guide.types';

export const LANGS: readonly Lang[] = ['zh', 'en'];

export function assertLang(lang: string): asserts lang is Lang {
  if (!(LANGS as readonly string[]).includes(lang)) {
    throw new GuideError(GuideErrorCode.UnsupportedLanguage, `Unsupported language "${lang}"; use one of ${LANGS.join(', ')}`);
  }
}

export function isSelectable(item: CatalogueItem): boolean {
  return item.kind !== 'step';
}

export function findItem(catalogue: Catalogue, code: ItemCode): CatalogueItem | undefined {
  return catalogue.items.find((item) => item.code === code);
}

export function requireItem(catalogue: Catalogue, code: ItemCode, referrer: string): CatalogueItem {
  const item = findItem(catalogue, code);
  if (!item) {
    throw new GuideError(GuideErrorCode.InconsistentCatalogue, `${referrer} refers to item ${code}, which catalogue ${catalogue.version} does not define`);
  }
  return item;
}

export function requireMaterial(catalogue: Catalogue, code: string, referrer: string): MaterialDefinition {
  const material = catalogue.materials.find((m) => m.code === code);
  if (!material) {
    throw new GuideError(GuideErrorCode.InconsistentCatalogue, `${referrer} refers to material ${code}, which catalogue ${catalogue.version} does not define`);
  }
  return material;
}

export function requireField(catalogue: Catalogue, path: string, referrer: string): FieldDefinition {
  const field = catalogue.fields.find((f) => f.path === path);
  if (!field) {
    throw new GuideError(GuideErrorCode.InconsistentCatalogue, `${referrer} refers to form field ${path}, which catalogue ${catalogue.version} does not define`);
  }
  return field;
}

export function agencyName(catalogue: Catalogue, agency: AgencyCode, lang: Lang): string {
  const found = catalogue.agencies.find((a) => a.code === agency);
  if (!found) {
    throw new GuideError(GuideErrorCode.InconsistentCatalogue, `Catalogue ${catalogue.version} names no agency ${agency}`);
  }
  return found.name[lang];
}

export function itemRef(catalogue: Catalogue, item: CatalogueItem, lang: Lang): GuideItemRef {
  return { code: item.code, name: item.name[lang], agency: item.agency, agencyName: agencyName(catalogue, item.agency, lang) };
}

export function formatTimeLimit(limit: TimeLimit, lang: Lang): string {
  const days = PHRASES[lang].days(limit.amount, limit.unit);
  return limit.note ? days + PHRASES[lang].aside(limit.note[lang]) : days;
}

/** One line per fee band (or one line when free); the rule's note, if any, as a last line. */
export function formatFee(fee: FeeRule, lang: Lang): string[] {
  const p = PHRASES[lang];
  const lines: string[] = [];
  switch (fee.kind) {
    case 'free':
      lines.push(p.free);
      break;
    case 'by_validity': {
      const bands = [...fee.bands].sort((a, b) => a.belowMonths - b.belowMonths);
      let fromMonths = 0;
      bands.forEach((band, index) => {
        const last = index === bands.length - 1;
        if (!Number.isFinite(band.belowMonths)) {
          lines.push(p.feeBand({ fromMonths }, band.feeCny));
        } else if (last && fromMonths > 0 && (band.belowMonths - 1) % 12 === 0) {
          // "below 61 months" is how the data says "up to and including 5 years".
          lines.push(p.feeBand({ fromMonths, upToMonths: band.belowMonths - 1 }, band.feeCny));
        } else {
          lines.push(p.feeBand({ fromMonths, belowMonths: band.belowMonths }, band.feeCny));
        }
        fromMonths = band.belowMonths;
      });
      break;
    }
  }
  if (fee.note) lines.push(fee.note[lang]);
  return lines;
}

export function formatFilingWindow(catalogue: Catalogue, item: CatalogueItem, action: ItemActionDefinition, window: FilingWindow, lang: Lang): string {
  const p = PHRASES[lang];
  const referrer = `${item.code}/${action.action}`;
  const text =
    window.kind === 'before_expiry'
      ? p.fileBeforeExpiry(requireField(catalogue, window.expiryField, referrer).label[lang], window.minDays, window.maxDays)
      : p.fileAfterEvent(requireField(catalogue, window.eventDateField, referrer).label[lang], window.maxDays);
  return p.colon(action.name[lang], text);
}

/**
 * Items grouped by their depth in the prerequisite graph, in catalogue order within a group: depth 0
 * without prerequisites, else one more than the deepest prerequisite. Items of one depth do not wait
 * for each other, so they run in parallel.
 */
export function prerequisiteLayers(catalogue: Catalogue): CatalogueItem[][] {
  const depths = new Map<ItemCode, number>();
  // Topological order (which also refuses a cycle or an undefined prerequisite) has every
  // prerequisite's depth known before the item that needs it.
  for (const code of topologicalOrder(catalogue)) {
    const item = requireItem(catalogue, code, 'topologicalOrder');
    depths.set(code, item.prerequisites.reduce((max, pre) => Math.max(max, (depths.get(pre) ?? 0) + 1), 0));
  }
  const layers: CatalogueItem[][] = [];
  for (const item of catalogue.items) (layers[depths.get(item.code) ?? 0] ??= []).push(item);
  return layers.filter((layer) => layer.length > 0);
}

/** Whether any item waits for this one. */
export function hasDependants(catalogue: Catalogue, code: ItemCode): boolean {
  return dependantsOf(catalogue, code, { directOnly: true }).length > 0;
}

/** Agencies in first-appearance order of the given items. */
export function agenciesOf(items: CatalogueItem[]): CatalogueItem['agency'][] {
  return [...new Set(items.map((item) => item.agency))];
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

export function sectionsToMarkdown(title: string, subtitle: string, sections: GuideSection[], extra: Record<string, string> = {}): string {
  const parts = [`# ${escapeMarkdown(title)}`, '', `_${escapeMarkdown(subtitle)}_`, ''];
  for (const section of sections) {
    parts.push(`## ${escapeMarkdown(section.heading)}`, '');
    for (const line of section.items) parts.push(`- ${escapeMarkdown(line)}`);
    const after = extra[section.id];
    if (after) parts.push('', after);
    parts.push('');
  }
  return parts.join('\n');
}

/** The one window and the online entry, for every guide. */
export function windowLines(catalogue: Catalogue, lang: Lang): string[] {
  const p = PHRASES[lang];
  const { place, hours, phone, online } = catalogue.serviceWindow;
  return [p.place(place[lang]), p.hours(hours[lang]), p.phone(phone), p.online(online[lang])];
}
