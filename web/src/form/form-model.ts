import type { FormField, FormMaterial, ItemSelection } from '../api/types';

/** Each control's raw value by the field's path (what the inputs hold). */
export type FormValues = Record<string, string>;

/** A problem found in the browser, as an i18n key of `common:validation` and its parameters. */
export interface FieldIssue {
  key: 'required' | 'pattern' | 'number' | 'integer' | 'date' | 'option';
  params?: Record<string, string>;
}

/** One document attached to the case: what was uploaded for which material and when it was issued. */
export interface AttachedMaterial {
  code: string;
  sha256: string;
  fileName: string;
  issuedAt: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A value as a control holds it (text). */
export function controlValueOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

/**
 * The form's starting values: what the verified token fixes, else empty. The shared record's values
 * fill nothing here: only those the applicant accepts in the preview (`applyConsent`).
 */
export function initialValues(fields: readonly FormField[], verified: Readonly<Record<string, string>> = {}): FormValues {
  return Object.fromEntries(fields.map((field) => [field.path, verified[field.path] ?? '']));
}

/** The browser's check of one control against the field's rules from `POST /api/forms`. */
export function validateField(field: FormField, raw: string): FieldIssue | null {
  const value = raw.trim();
  if (value === '') return field.required ? { key: 'required' } : null;
  switch (field.type) {
    case 'number':
      if (!Number.isFinite(Number(value))) return { key: 'number' };
      break;
    case 'integer':
      if (!/^-?\d+$/.test(value)) return { key: 'integer' };
      break;
    case 'date':
      if (!isCalendarDate(value)) return { key: 'date' };
      break;
    case 'enum':
      if (field.options && !field.options.some((option) => option.value === value)) return { key: 'option' };
      break;
    case 'boolean':
      if (value !== 'true' && value !== 'false') return { key: 'option' };
      break;
    case 'string':
      break;
  }
  if (field.pattern && !new RegExp(field.pattern).test(value)) return { key: 'pattern', params: { example: controlValueOf(field.example) } };
  return null;
}

/** Every control's problem, by path; empty when the form may be sent. */
export function validateForm(fields: readonly FormField[], values: FormValues): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {};
  for (const field of fields) {
    const issue = validateField(field, values[field.path] ?? '');
    if (issue) issues[field.path] = issue;
  }
  return issues;
}

function typed(field: FormField, value: string): unknown {
  switch (field.type) {
    case 'number':
    case 'integer':
      return Number(value);
    case 'boolean':
      return value === 'true';
    default:
      return value;
  }
}

/** The case body API.md describes: fields nested by path, typed; empty optional fields left out; `extra` (the answer to the pre-fill preview) beside. */
export function toCaseBody(fields: readonly FormField[], values: FormValues, items: readonly ItemSelection[], materials: readonly AttachedMaterial[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = { items: items.map(({ code, action }) => ({ code, action })) };
  for (const field of fields) {
    const value = (values[field.path] ?? '').trim();
    if (value === '') continue;
    const parts = field.path.split('.');
    let node = body;
    for (const part of parts.slice(0, -1)) {
      node[part] = (node[part] as Record<string, unknown> | undefined) ?? {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = typed(field, value);
  }
  body.materials = materials.map(({ code, sha256, fileName, issuedAt }) => ({ code, sha256, fileName, issuedAt }));
  return { ...body, ...extra };
}

/**
 * The server's field errors placed for display: form fields by path, materials by their code (the
 * server names them `materials.<index>.<key>` in the order they were sent), the rest left general.
 */
export function placeServerErrors(
  errors: Record<string, string>,
  sentMaterials: readonly AttachedMaterial[],
): { fields: Record<string, string>; materials: Record<string, string>; general: string[] } {
  const placed = { fields: {} as Record<string, string>, materials: {} as Record<string, string>, general: [] as string[] };
  for (const [path, message] of Object.entries(errors)) {
    const material = /^materials\.(\d+)(?:\.(\w+))?$/.exec(path);
    if (material && sentMaterials[Number(material[1])]) {
      const code = sentMaterials[Number(material[1])].code;
      const text = material[2] ? `${material[2]}: ${message}` : message;
      placed.materials[code] = placed.materials[code] ? `${placed.materials[code]}; ${text}` : text;
    } else if (/^items(\.|$)/.test(path) || path === 'materials' || path === '') {
      placed.general.push(`${path || 'body'}: ${message}`);
    } else {
      placed.fields[path] = message;
    }
  }
  return placed;
}

/** The form's sections in reading order: applicant, employer, employment, then any other. */
export function sectionsOf(fields: readonly FormField[]): { section: string; fields: FormField[] }[] {
  const order = ['applicant', 'employer', 'employment'];
  const sections = new Map<string, FormField[]>();
  for (const field of fields) {
    const section = field.path.split('.')[0];
    sections.set(section, [...(sections.get(section) ?? []), field]);
  }
  return [...sections.entries()]
    .sort(([a], [b]) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)))
    .map(([section, sectionFields]) => ({ section, fields: sectionFields }));
}

/** Materials still missing an upload, among those the chosen items require. */
export function missingMaterials(materials: readonly FormMaterial[], attached: readonly AttachedMaterial[]): FormMaterial[] {
  const have = new Set(attached.map((material) => material.code));
  return materials.filter((material) => material.required && !have.has(material.code));
}

/** A fresh key per submission attempt of one filled form: a double click reuses it, so one case. */
export function newIdempotencyKey(random: Crypto = globalThis.crypto): string {
  // randomUUID exists only in secure contexts (HTTPS, localhost); a window PC on plain HTTP has getRandomValues.
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
