import { formFieldUses, selectionMaterialCodes } from '../form/merged-form';
import { resolveSelection } from '../form/selection.resolver';
import { localize, message } from '../messages/message';
import type { Message } from '../messages/phrase';
import type { Catalogue, FieldDefinition, ItemSelection, Localized } from '../model/catalogue.model';
import { isBlank, isPlainObject, valueAt } from '../shared/body-path';
import { addMonths, assertCalendarDate, isCalendarDate } from '../shared/calendar-date';
import { fieldValueProblem } from './field-value.validator';

/**
 * One offending field of a request; `field` is the dotted path (`applicant.passportNo`,
 * `materials.1.sha256`); `messages` in both languages and `message` in Chinese (the platform's error
 * filter answers in the request's language).
 */
export interface FieldError {
  field: string;
  message: string;
  messages: Localized;
}

/** A field's problem, from a message of the catalogue. */
export function fieldProblem(field: string, why: Message): FieldError {
  const messages = localize(why);
  return { field, message: messages.zh, messages };
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
  if (!isPlainObject(body)) return [fieldProblem('', message('field.not_json_object'))];

  const uses = formFieldUses(catalogue, choices, body);
  const definitions = new Map(catalogue.fields.map((field) => [field.path, field]));
  const errors: FieldError[] = [];
  const context = { today: options.today, valueOf: (path: string) => valueAt(body, path) };

  errors.push(...unknownFields(body, '', [...uses.keys()]));
  for (const [path, use] of uses) {
    const definition = definitions.get(path) as FieldDefinition;
    const value = valueAt(body, path);
    if (isBlank(value)) {
      if (use.required) errors.push(fieldProblem(path, message('field.required')));
      continue;
    }
    const why = fieldValueProblem(definition, value, context);
    if (why) errors.push(fieldProblem(path, why));
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
      errors.push(fieldProblem(path, message('field.unknown')));
    } else if (isPlainObject(value)) {
      errors.push(...unknownFields(value, path, paths));
    } else {
      errors.push(fieldProblem(path, message('field.must_be_object')));
    }
  }
  return errors;
}

function materialErrors(catalogue: Catalogue, materials: unknown, codes: Set<string>, today: string): FieldError[] {
  if (materials === undefined) return [];
  if (!Array.isArray(materials)) return [fieldProblem(MATERIALS, message('field.must_be_array'))];
  const validity = new Map(catalogue.materials.map((m) => [m.code, m.validityMonths]));
  return materials.flatMap((entry: unknown, index) => {
    const at = (key: string) => `${MATERIALS}.${index}${key ? `.${key}` : ''}`;
    if (!isPlainObject(entry)) return [fieldProblem(at(''), message('field.material_shape'))];
    const errors: FieldError[] = Object.keys(entry)
      .filter((key) => !MATERIAL_KEYS.includes(key))
      .map((key) => fieldProblem(at(key), message('field.unknown')));
    const { code, sha256, fileName, issuedAt } = entry;
    if (isBlank(code)) errors.push(fieldProblem(at('code'), message('field.required')));
    else if (typeof code !== 'string' || !codes.has(code)) errors.push(fieldProblem(at('code'), message('field.not_a_material_of_selection', { code: String(code) })));
    if (isBlank(sha256)) errors.push(fieldProblem(at('sha256'), message('field.required')));
    else if (typeof sha256 !== 'string' || !SHA256.test(sha256)) errors.push(fieldProblem(at('sha256'), message('field.sha256')));
    if (isBlank(fileName)) errors.push(fieldProblem(at('fileName'), message('field.required')));
    else if (typeof fileName !== 'string' || fileName.length > FILE_NAME_MAX) errors.push(fieldProblem(at('fileName'), message('field.file_name', { max: FILE_NAME_MAX })));
    const months = typeof code === 'string' ? validity.get(code) : undefined;
    const issuedProblem = issuedAtProblem(issuedAt, today, months);
    if (issuedProblem) errors.push(fieldProblem(at('issuedAt'), issuedProblem));
    return errors;
  });
}

function issuedAtProblem(issuedAt: unknown, today: string, validityMonths: number | undefined): Message | undefined {
  if (isBlank(issuedAt)) return message('field.required');
  if (!isCalendarDate(issuedAt)) return message('field.date');
  if (issuedAt > today) return message('field.not_after_today', { today });
  if (validityMonths !== undefined && issuedAt < addMonths(today, -validityMonths)) {
    return message('field.issued_within', { months: validityMonths, since: addMonths(today, -validityMonths) });
  }
  return undefined;
}
