// Pure helpers of the window clerk's pages: the item choice, and what the acceptance receipt shows.
import type { CatalogueItem, CatalogueView, TimeLimitView } from '../../api/platform-api';
import { type CaseView, FINAL_STATUSES, type ItemSelection } from '../../api/types';
import { catalogueEntries, catalogueNamesOf } from '../../format/catalogue-names';

// ---- choosing items ----------------------------------------------------------------------------

/** The items a walk-in applicant may choose: every catalogue item but the steps run inside others. */
export function selectableItems(catalogue: Pick<CatalogueView, 'items'> | undefined): CatalogueItem[] {
  return (catalogue?.items ?? []).filter((item) => item.kind !== 'step');
}

/** The chosen items in catalogue order, each with its chosen action (else its first). */
export function selectionOf(items: readonly CatalogueItem[], checked: readonly string[], actions: Readonly<Record<string, string>>): ItemSelection[] {
  return items
    .filter((item) => checked.includes(item.code) && item.actions.length > 0)
    .map((item) => {
      const chosen = actions[item.code];
      const action = item.actions.some((candidate) => candidate.action === chosen) ? chosen : item.actions[0].action;
      return { code: item.code, action };
    });
}

/** Whether two selections ask for the same items with the same actions, in any order. */
export function sameSelection(a: readonly ItemSelection[], b: readonly ItemSelection[]): boolean {
  const key = (selection: readonly ItemSelection[]) =>
    selection
      .map(({ code, action }) => `${code}:${action}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

// ---- the receipt -------------------------------------------------------------------------------

/**
 * A short reference to read out or write down: the case id's first eight letters and digits,
 * upper case, in two groups (`3F2A-91BC`). The full case id stays the authoritative one.
 */
export function shortReference(caseId: string): string {
  const plain = caseId.replace(/[^0-9a-z]/gi, '').toUpperCase().slice(0, 8);
  return plain.length > 4 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

/** The time limit of an item's action, else of the item. */
export function timeLimitOf(item: CatalogueItem | undefined, action: string): TimeLimitView | undefined {
  if (!item) return undefined;
  return item.actions.find((candidate) => candidate.action === action)?.timeLimit ?? item.timeLimit;
}

/** Items still waiting for the due date their agency sets (final items never get one). */
export function itemsAwaitingDueDate(view: Pick<CaseView, 'items'>): string[] {
  return view.items.filter((item) => !item.dueDate && !FINAL_STATUSES.includes(item.status)).map((item) => item.code);
}

export const DUE_DATE_WAIT_MS = 30_000;

/** Poll the case again: some item has no due date yet, and the wait has not run out. */
export function shouldPollForDueDates(view: Pick<CaseView, 'items'>, elapsedMs: number, limitMs = DUE_DATE_WAIT_MS): boolean {
  return elapsedMs < limitMs && itemsAwaitingDueDate(view).length > 0;
}

/** Names in both languages, from the catalogue answered in each. */
export interface Catalogues {
  zh?: CatalogueView;
  en?: CatalogueView;
}

export interface Bilingual {
  zh: string;
  en: string;
}

function itemIn(catalogue: CatalogueView | undefined, code: string): CatalogueItem | undefined {
  return catalogueEntries(catalogue).find((item) => item.code === code);
}

export interface ReceiptItem {
  code: string;
  action: string;
  name: Bilingual;
  actionName: Bilingual;
  agency: string;
  /** The owning agency's name from the catalogue (absent: the page names the code). */
  agencyName?: Bilingual;
  status: CaseView['items'][number]['status'];
  timeLimit?: TimeLimitView;
  dueDate: string | null;
  dueDateProvisional: boolean;
}

/** The accepted items with their names, agency, time limit and due date (once known). */
export function receiptItems(view: Pick<CaseView, 'items'>, catalogues: Catalogues): ReceiptItem[] {
  return view.items.map((item) => {
    const zh = itemIn(catalogues.zh, item.code);
    const en = itemIn(catalogues.en, item.code);
    const actionName = (entry: CatalogueItem | undefined) => entry?.actions.find((candidate) => candidate.action === item.action)?.name ?? item.action;
    return {
      code: item.code,
      action: item.action,
      name: { zh: zh?.name ?? item.code, en: en?.name ?? item.code },
      actionName: { zh: actionName(zh), en: actionName(en) },
      agency: item.agency,
      ...(zh && en ? { agencyName: { zh: zh.agency.name, en: en.agency.name } } : {}),
      status: item.status,
      timeLimit: timeLimitOf(zh ?? en, item.action),
      dueDate: item.dueDate ?? null,
      dueDateProvisional: item.dueDateProvisional === true,
    };
  });
}

export interface ReceiptMaterial {
  code: string;
  name: Bilingual;
  fileName: string;
  issuedAt: string;
}

/** The documents received with the case, named in both languages. */
export function receiptMaterials(view: Pick<CaseView, 'materials'>, catalogues: Catalogues): ReceiptMaterial[] {
  const zh = catalogueNamesOf(catalogues.zh);
  const en = catalogueNamesOf(catalogues.en);
  return (view.materials ?? []).map((material) => ({
    code: material.code,
    name: { zh: zh.material(material.code), en: en.material(material.code) },
    fileName: material.fileName,
    issuedAt: material.issuedAt ?? '',
  }));
}

/** Where the applicant follows the case online. */
export function followUrl(origin: string, caseId: string): string {
  return `${origin.replace(/\/$/, '')}/cases/${encodeURIComponent(caseId)}`;
}
