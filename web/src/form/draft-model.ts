import { ApiError } from '../api/http';
import type { FormField, ItemSelection } from '../api/types';
import { type AttachedMaterial, type FormValues, initialValues } from './form-model';

function valueAt(body: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), body);
}

function asControlValue(value: unknown): string {
  if (value === undefined || value === null || typeof value === 'object') return '';
  return String(value);
}

/** A value typed as the field wants it when it already reads as that type, else kept as typed, unfinished. */
function typedIfValid(field: FormField, value: string): unknown {
  switch (field.type) {
    case 'number':
    case 'integer':
      return value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

/**
 * The draft's content: the case body so far (API.md's shape, nested by path), with what is still
 * unfinished kept as typed — a draft takes any value; the server says what the submit would refuse.
 */
export function toDraftContent(
  fields: readonly FormField[],
  values: FormValues,
  items: readonly ItemSelection[],
  materials: readonly AttachedMaterial[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const content: Record<string, unknown> = { items: items.map(({ code, action }) => ({ code, action })) };
  for (const field of fields) {
    const value = (values[field.path] ?? '').trim();
    if (value === '') continue;
    const parts = field.path.split('.');
    let node = content;
    for (const part of parts.slice(0, -1)) {
      node[part] = (node[part] as Record<string, unknown> | undefined) ?? {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = typedIfValid(field, value);
  }
  content.materials = materials.map(({ code, sha256, fileName, issuedAt }) => ({ code, sha256, fileName, issuedAt }));
  // The answer to the pre-fill preview (`prefillConsent`) is kept with it, so it survives signing out.
  return { ...content, ...extra };
}

/** The items a draft was started for (its `items`, well-formed entries only). */
export function selectionOfContent(content: Record<string, unknown>): ItemSelection[] {
  if (!Array.isArray(content.items)) return [];
  return content.items.flatMap((item: unknown) => {
    const { code, action } = (item ?? {}) as Partial<ItemSelection>;
    return typeof code === 'string' && typeof action === 'string' ? [{ code, action }] : [];
  });
}

/**
 * Where the form starts: what the verified token fixes always wins; then what the draft holds (the
 * shared record's values the applicant accepted among them); nothing of the record before they answer.
 */
export function startingValues(fields: readonly FormField[], verified: Readonly<Record<string, string>>, draft?: Record<string, unknown>): FormValues {
  const values = initialValues(fields, verified);
  if (!draft) return values;
  for (const field of fields) {
    const kept = asControlValue(valueAt(draft, field.path));
    if (kept !== '' && !(field.path in verified)) values[field.path] = kept;
  }
  return values;
}

/** The documents a draft had attached, by material code, for the materials this form asks. */
export function attachedOfContent(content: Record<string, unknown> | undefined, codes: readonly string[]): Record<string, AttachedMaterial> {
  if (!content || !Array.isArray(content.materials)) return {};
  const attached: Record<string, AttachedMaterial> = {};
  for (const entry of content.materials as unknown[]) {
    const { code, sha256, fileName, issuedAt } = (entry ?? {}) as Partial<AttachedMaterial>;
    if (typeof code === 'string' && codes.includes(code) && typeof sha256 === 'string') {
      attached[code] = { code, sha256, fileName: typeof fileName === 'string' ? fileName : '', issuedAt: typeof issuedAt === 'string' ? issuedAt : '' };
    }
  }
  return attached;
}

/** The draft was saved elsewhere since this page read it (409 on the version). */
export function isDraftConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'draft_version_conflict';
}
