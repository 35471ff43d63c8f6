import type { CatalogueItem } from '../../api/platform-api';
import { type CaseItemView, type CaseView, FINAL_STATUSES, type Role, type TimelineEntry } from '../../api/types';
import type { AttachedMaterial } from '../../form/form-model';
import type { MaterialInfo } from './catalogue-model';

/** An item still open whose due date has passed (`today` from format/china-time's chinaToday). */
export function isOverdue(item: Pick<CaseItemView, 'dueDate' | 'status'>, today: string): boolean {
  return !!item.dueDate && !FINAL_STATUSES.includes(item.status) && item.dueDate.slice(0, 10) < today;
}

/** The result keys API.md names, in the order they are shown; each has a label in `applicant:result`. */
export const RESULT_KEYS = ['permitNo', 'validFrom', 'validTo', 'category', 'points', 'feeCny', 'socialSecurityNo'] as const;
export type ResultKey = (typeof RESULT_KEYS)[number];

export interface ResultEntry {
  key: string;
  /** True when the key is one of RESULT_KEYS, so it has a readable label. */
  known: boolean;
  value: string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** A granted item's result as label/value pairs: the known keys first, then any other (and `attributes`) as-is. */
export function resultEntries(result: Record<string, unknown> | null | undefined): ResultEntry[] {
  if (!result) return [];
  const entries: ResultEntry[] = [];
  for (const key of RESULT_KEYS) if (result[key] !== undefined && result[key] !== null) entries.push({ key, known: true, value: text(result[key]) });
  for (const [key, value] of Object.entries(result)) {
    if ((RESULT_KEYS as readonly string[]).includes(key) || value === undefined || value === null) continue;
    if (key === 'attributes' && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, attribute] of Object.entries(value as Record<string, unknown>)) entries.push({ key: name, known: false, value: text(attribute) });
    } else entries.push({ key, known: false, value: text(value) });
  }
  return entries;
}

/** The timeline oldest first (entries at the same instant keep the server's order). */
export function timelineInOrder(timeline: readonly TimelineEntry[] | undefined): TimelineEntry[] {
  return [...(timeline ?? [])].map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index).map(({ entry }) => entry);
}

/** The applicant or employer may withdraw while some item is not final. */
export function canWithdraw(role: Role | undefined, view: Pick<CaseView, 'status' | 'items'>): boolean {
  return (role === 'applicant' || role === 'employer') && view.status === 'in_progress' && view.items.some((item) => !FINAL_STATUSES.includes(item.status));
}

/** Who answers a supplement request (API.md): the case's applicant or employer, or a window clerk. */
export function canSupplement(role: Role | undefined): boolean {
  return role === 'applicant' || role === 'employer' || role === 'clerk';
}

export interface SupplementSlot {
  code: string;
  name: string;
  required: boolean;
  validityMonths?: number;
}

/**
 * The documents to upload for a supplement request: the requested ones (all needed), or, when the
 * request names none, any document of the item's action (each optional).
 */
export function supplementSlots(item: Pick<CaseItemView, 'action' | 'requestedMaterials'>, catalogueItem: CatalogueItem | undefined, materials: Readonly<Record<string, MaterialInfo>>): SupplementSlot[] {
  const slot = (code: string, required: boolean): SupplementSlot => ({ code, name: materials[code]?.name ?? code, required, ...(materials[code]?.validityMonths !== undefined ? { validityMonths: materials[code].validityMonths } : {}) });
  const requested = item.requestedMaterials ?? [];
  if (requested.length > 0) return [...new Set(requested)].map((code) => slot(code, true));
  const action = catalogueItem?.actions.find((candidate) => candidate.action === item.action);
  return (action?.materials ?? []).map((material) => slot(material.code, false));
}

/** What stops a supplement being sent: requested documents not uploaded, uploads without an issue date, nothing at all. */
export function supplementProblems(slots: readonly SupplementSlot[], attached: Readonly<Record<string, AttachedMaterial>>): { missing: string[]; undated: string[]; empty: boolean } {
  const missing = slots.filter((slot) => slot.required && !attached[slot.code]).map((slot) => slot.code);
  const undated = Object.values(attached).filter((material) => !material.issuedAt).map((material) => material.code);
  return { missing, undated, empty: Object.keys(attached).length === 0 };
}

/** The first characters of a case id, enough to tell one's cases apart. */
export function shortId(caseId: string): string {
  return caseId.slice(0, 8);
}
