import { isEmail, isISO31661Alpha3 } from 'class-validator';
import type { FieldDefinition, FieldRule } from '../model/catalogue.model';
import { isCalendarDate } from '../shared/calendar-date';
import { isValidUscc, USCC_PATTERN } from './uscc.validator';

/** International format: a plus sign, the country code and the number, 7 to 15 digits in all (E.164). */
export const PHONE_PATTERN = '^\\+[1-9][0-9]{6,14}$';
const PHONE = new RegExp(PHONE_PATTERN);

/** Enumerations longer than this are not spelled out in a message. */
const LISTED_OPTIONS_MAX = 10;

export interface FieldCheckContext {
  /** The day of submission, `YYYY-MM-DD`. */
  today: string;
  /** Another field's value in the same body (for `after`). */
  valueOf(path: string): unknown;
}

/** The regular expression a form may show for the field, if a rule has one. */
export function fieldPattern(field: FieldDefinition): string | undefined {
  for (const rule of field.rules) {
    if (rule.kind === 'pattern') return rule.pattern;
    if (rule.kind === 'phone') return PHONE_PATTERN;
    if (rule.kind === 'uscc') return USCC_PATTERN;
  }
  return undefined;
}

/** Why a present value does not fit the field (English), or undefined when it does. */
export function fieldValueProblem(field: FieldDefinition, value: unknown, context: FieldCheckContext): string | undefined {
  const typeProblem = typeMismatch(field, value);
  if (typeProblem) return typeProblem;
  for (const rule of field.rules) {
    const problem = ruleProblem(rule, value, context);
    if (problem) return problem;
  }
  return undefined;
}

function typeMismatch(field: FieldDefinition, value: unknown): string | undefined {
  switch (field.type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'must be a whole number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return isCalendarDate(value) ? undefined : 'must be a real date written YYYY-MM-DD';
    case 'enum': {
      const values = (field.options ?? []).map((option) => option.value);
      if (typeof value === 'string' && values.includes(value)) return undefined;
      return values.length <= LISTED_OPTIONS_MAX ? `must be one of ${values.join(', ')}` : 'must be one of the listed options';
    }
  }
}

function ruleProblem(rule: FieldRule, value: unknown, context: FieldCheckContext): string | undefined {
  switch (rule.kind) {
    case 'pattern':
      return typeof value === 'string' && !new RegExp(rule.pattern).test(value) ? rule.message.en : undefined;
    case 'iso3166Alpha3':
      return typeof value === 'string' && !isISO31661Alpha3(value) ? 'must be an ISO 3166-1 alpha-3 country code' : undefined;
    case 'uscc':
      return isValidUscc(value) ? undefined : 'must be an 18-character unified social credit code with a valid check character';
    case 'email':
      return typeof value === 'string' && !isEmail(value) ? 'must be an email address' : undefined;
    case 'phone':
      return typeof value === 'string' && !PHONE.test(value) ? 'must be a phone number in international format, e.g. +8613800138000' : undefined;
    case 'min':
      return typeof value === 'number' && value < rule.value ? `must be at least ${rule.value}` : undefined;
    case 'max':
      return typeof value === 'number' && value > rule.value ? `must be at most ${rule.value}` : undefined;
    case 'maxLength':
      return typeof value === 'string' && value.length > rule.value ? `must be at most ${rule.value} characters` : undefined;
    case 'notInFuture':
      return typeof value === 'string' && value > context.today ? `must not be later than today (${context.today})` : undefined;
    case 'notInPast':
      return typeof value === 'string' && value < context.today ? `must not be earlier than today (${context.today})` : undefined;
    case 'after': {
      const other = context.valueOf(rule.field);
      return typeof value === 'string' && isCalendarDate(other) && value <= other ? `must be after ${rule.field} (${other})` : undefined;
    }
  }
}
