import { formFieldUses, selectionMaterialCodes } from '../form/merged-form';
import { resolveSelection } from '../form/selection.resolver';
import type { Catalogue, FieldDefinition, ItemSelection } from '../model/catalogue.model';
import { isBlank, isPlainObject, valueAt } from '../shared/body-path';
import { addMonths, assertCalendarDate, isCalendarDate } from '../shared/calendar-date';
import { fieldValueProblem } from './field-value.validator';

/** One offending field of a case body; `field` is the dotted path (`applicant.passportNo`, `materials.1.sha256`). */
export interface FieldError {
  field: string;
  message: string;
}

export interface CaseBodyValidationOptions {
  /** The day of submission, `YYYY-MM-DD`. */
  today: string;
}

/** The case body keys that are not form fields. `items` is the selection itself, validated by mergeForm. */
const MATERIALS = 'materials';
const SELECTION = 'items';
const MATERIAL_KEYS = ['code', 'sha256', 'fileName', 'issuedAt'];
const SHA256 = /^[0-9a-f]{64}$/;
const FILE_NAME_MAX = 255;

/**
 * Every offending field of a case body against the merged form of the selection: required fields
 * missing, wrong types, failed rules, fields the form does not ask, and malformed materials. Missing
 * materials are not an error here: the agencies ask for them in pre-review.
 * An invalid selection throws CatalogueError, as mergeForm does.
 */
export function validateCaseBody(catalogue: Catalogue, selection: readonly ItemSelection[], body: unknown, options: CaseBodyValidationOptions): FieldError[] {
  assertCalendarDate(options.today, 'today');
  const choices = resolveSelection(catalogue, selection);
  if (!isPlainObject(body)) return [{ field: '', message: 'the body must be a JSON object' }];

  const uses = formFieldUses(catalogue, choices, body);
  const definitions = new Map(catalogue.fields.map((field) => [field.path, field]));
  const errors: FieldError[] = [];
  const context = { today: options.today, valueOf: (path: string) => valueAt(body, path) };

  errors.push(...unknownFields(body, '', [...uses.keys()]));
  for (const [path, use] of uses) {
    const definition = definitions.get(path) as FieldDefinition;
    const value = valueAt(body, path);
    if (isBlank(value)) {
      if (use.required) errors.push({ field: path, message: 'is required' });
      continue;
    }
    const problem = fieldValueProblem(definition, value, context);
    if (problem) errors.push({ field: path, message: problem });
  }
  errors.push(...materialErrors(catalogue, body[MATERIALS], selectionMaterialCodes(choices), options.today));
  return errors;
}

/**
 * The materials part alone, for documents sent later (a supplement): each entry well formed, a
 * material of the selection, issued within its validity.
 */
export function validateMaterials(catalogue: Catalogue, selection: readonly ItemSelection[], materials: unknown, options: CaseBodyValidationOptions): FieldError[] {
  assertCalendarDate(options.today, 'today');
  return materialErrors(catalogue, materials, selectionMaterialCodes(resolveSelection(catalogue, selection)), options.today);
}

function unknownFields(node: Record<string, unknown>, prefix: string, paths: string[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!prefix && (key === MATERIALS || key === SELECTION)) continue;
    if (paths.includes(path)) continue;
    if (!paths.some((known) => known.startsWith(`${path}.`))) {
      errors.push({ field: path, message: 'unknown field' });
    } else if (isPlainObject(value)) {
      errors.push(...unknownFields(value, path, paths));
    } else {
      errors.push({ field: path, message: 'must be an object' });
    }
  }
  return errors;
}

function materialErrors(catalogue: Catalogue, materials: unknown, codes: Set<string>, today: string): FieldError[] {
  if (materials === undefined) return [];
  if (!Array.isArray(materials)) return [{ field: MATERIALS, message: 'must be an array' }];
  const validity = new Map(catalogue.materials.map((m) => [m.code, m.validityMonths]));
  return materials.flatMap((entry: unknown, index) => {
    const at = (key: string) => `${MATERIALS}.${index}${key ? `.${key}` : ''}`;
    if (!isPlainObject(entry)) return [{ field: at(''), message: 'must be an object with code, sha256, fileName and issuedAt' }];
    const errors: FieldError[] = Object.keys(entry)
      .filter((key) => !MATERIAL_KEYS.includes(key))
      .map((key) => ({ field: at(key), message: 'unknown field' }));
    const { code, sha256, fileName, issuedAt } = entry;
    if (isBlank(code)) errors.push({ field: at('code'), message: 'is required' });
    else if (typeof code !== 'string' || !codes.has(code)) errors.push({ field: at('code'), message: `${String(code)} is not a material of the chosen items` });
    if (isBlank(sha256)) errors.push({ field: at('sha256'), message: 'is required' });
    else if (typeof sha256 !== 'string' || !SHA256.test(sha256)) errors.push({ field: at('sha256'), message: 'must be 64 lower-case hexadecimal characters' });
    if (isBlank(fileName)) errors.push({ field: at('fileName'), message: 'is required' });
    else if (typeof fileName !== 'string' || fileName.length > FILE_NAME_MAX) errors.push({ field: at('fileName'), message: `must be a string of at most ${FILE_NAME_MAX} characters` });
    const months = typeof code === 'string' ? validity.get(code) : undefined;
    const issuedProblem = issuedAtProblem(issuedAt, today, months);
    if (issuedProblem) errors.push({ field: at('issuedAt'), message: issuedProblem });
    return errors;
  });
}

function issuedAtProblem(issuedAt: unknown, today: string, validityMonths: number | undefined): string | undefined {
  if (isBlank(issuedAt)) return 'is required';
  if (!isCalendarDate(issuedAt)) return 'must be a real date written YYYY-MM-DD';
  if (issuedAt > today) return `must not be later than today (${today})`;
  if (validityMonths !== undefined && issuedAt < addMonths(today, -validityMonths)) {
    return `must have been issued within ${validityMonths} months before today (on or after ${addMonths(today, -validityMonths)})`;
  }
  return undefined;
}
