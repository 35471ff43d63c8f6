import { type Catalogue, getCatalogue, type Localized, localize, message } from '@work-permit/catalogue';
import type { RefusalView } from '../refusals/refusals';

/**
 * The access log in plain words, Chinese first: each read as a sentence saying who (the agency by its
 * name) read which facts (in words, never paths), when (China time) and why (the purpose they gave);
 * and each case in which the person declined to reuse facts of their record. Plain functions of the
 * rows and the catalogue.
 */

/** The order facts are told in: the form's fields as the catalogue lists them, then documents, then outcomes. */
function factOrder(key: string, catalogue: Catalogue): number {
  const field = catalogue.fields.findIndex((candidate) => candidate.path === key);
  if (field >= 0) return field;
  if (key.startsWith('materials.')) return 10_000 + Math.max(0, catalogue.materials.findIndex((material) => `materials.${material.code}` === key));
  if (key.startsWith('permits.')) return 20_000 + Math.max(0, catalogue.items.findIndex((item) => `permits.${item.code}` === key));
  return 30_000;
}

/** One key of the record in words: a form field by its label, `materials.<CODE>` as the document, `permits.<ITEM>` as the item's outcome. */
export function factWords(key: string, catalogue: Catalogue = getCatalogue()): Localized {
  const [section, code] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  if (section === 'materials') {
    const material = catalogue.materials.find((candidate) => candidate.code === code);
    return localize(message('consent.fact.material', { name: material?.name ?? { zh: code, en: code } }));
  }
  if (section === 'permits') {
    const item = catalogue.items.find((candidate) => candidate.code === code);
    return localize(message('consent.fact.permit', { name: item?.name ?? { zh: code, en: code } }));
  }
  const field = catalogue.fields.find((candidate) => candidate.path === key);
  return localize(message('consent.fact.field', { label: field?.label ?? { zh: key, en: key } }));
}

/** Keys in the order they are told, each once. */
export function toldInOrder(keys: readonly string[], catalogue: Catalogue = getCatalogue()): string[] {
  return [...new Set(keys)].sort((a, b) => factOrder(a, catalogue) - factOrder(b, catalogue) || a.localeCompare(b));
}

/** "2026年3月2日 10:15，威海市公安局出入境管理支队为审批居留许可读取了您的护照号码和国籍。" and its English. */
export function readSentence(read: { at: string; agency: string; fields: readonly string[]; purpose: string }, agencyName: Localized | null, catalogue: Catalogue = getCatalogue()): Localized {
  return localize(
    message('consent.access_log.read', {
      at: read.at,
      agency: agencyName ?? { zh: read.agency, en: read.agency },
      facts: toldInOrder(read.fields, catalogue).map((key) => factWords(key, catalogue)),
      purpose: read.purpose,
    }),
  );
}

/** The facts a person declined to reuse in one case, told in one sentence. */
export interface DeclinedInCase {
  caseId: string;
  refusedAt: string;
  paths: string[];
  sentence: Localized;
}

/** The person's refusals grouped by case, oldest first, each case one sentence ("您拒绝了复用……"). */
export function declinedSentences(refusals: readonly RefusalView[], catalogue: Catalogue = getCatalogue()): DeclinedInCase[] {
  const byCase = new Map<string, RefusalView[]>();
  for (const refusal of refusals) byCase.set(refusal.caseId, [...(byCase.get(refusal.caseId) ?? []), refusal]);
  return [...byCase.entries()]
    .map(([caseId, rows]) => {
      const refusedAt = rows.map((row) => row.refusedAt).sort()[0];
      const paths = toldInOrder(
        rows.map((row) => row.path),
        catalogue,
      );
      return { caseId, refusedAt, paths, sentence: localize(message('consent.access_log.declined', { at: refusedAt, caseId, facts: paths.map((path) => factWords(path, catalogue)) })) };
    })
    .sort((a, b) => a.refusedAt.localeCompare(b.refusedAt) || a.caseId.localeCompare(b.caseId));
}
