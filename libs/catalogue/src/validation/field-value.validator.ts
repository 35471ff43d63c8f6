import { isEmail, isISO31661Alpha3 } from 'class-validator';
import { message } from '../messages/message';
import type { Message } from '../messages/phrase';
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

/** Why a present value does not fit the field (a message of the catalogue), or undefined when it does. */
export function fieldValueProblem(field: FieldDefinition, value: unknown, context: FieldCheckContext): Message | undefined {
  const typeProblem = typeMismatch(field, value);
  if (typeProblem) return typeProblem;
  for (const rule of field.rules) {
    const problem = ruleProblem(rule, value, context);
    if (problem) return problem;
  }
  return undefined;
}

function typeMismatch(field: FieldDefinition, value: unknown): Message | undefined {
  switch (field.type) {
    case 'string':
      return typeof value === 'string' ? undefined : message('field.string');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : message('field.number');
    case 'integer':
      return Number.isInteger(value) ? undefined : message('field.integer');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : message('field.boolean');
    case 'date':
      return isCalendarDate(value) ? undefined : message('field.date');
    case 'enum': {
      const values = (field.options ?? []).map((option) => option.value);
      if (typeof value === 'string' && values.includes(value)) return undefined;
      return values.length <= LISTED_OPTIONS_MAX ? message('field.one_of', { values }) : message('field.one_of_listed');
    }
  }
}

function ruleProblem(rule: FieldRule, value: unknown, context: FieldCheckContext): Message | undefined {
  switch (rule.kind) {
    case 'pattern':
      return typeof value === 'string' && !new RegExp(rule.pattern).test(value) ? message('field.pattern', { rule: rule.message }) : undefined;
    case 'iso3166Alpha3':
      return typeof value === 'string' && !isISO31661Alpha3(value) ? message('field.country_code') : undefined;
    case 'uscc':
      return isValidUscc(value) ? undefined : message('field.uscc');
    case 'email':
      return typeof value === 'string' && !isEmail(value) ? message('field.email') : undefined;
    case 'phone':
      return typeof value === 'string' && !PHONE.test(value) ? message('field.phone') : undefined;
    case 'min':
      return typeof value === 'number' && value < rule.value ? message('field.min', { value: rule.value }) : undefined;
    case 'max':
      return typeof value === 'number' && value > rule.value ? message('field.max', { value: rule.value }) : undefined;
    case 'maxLength':
      return typeof value === 'string' && value.length > rule.value ? message('field.max_length', { value: rule.value }) : undefined;
    case 'notInFuture':
      return typeof value === 'string' && value > context.today ? message('field.not_after_today', { today: context.today }) : undefined;
    case 'notInPast':
      return typeof value === 'string' && value < context.today ? message('field.not_before_today', { today: context.today }) : undefined;
    case 'after': {
      const other = context.valueOf(rule.field);
      return typeof value === 'string' && isCalendarDate(other) && value <= other ? message('field.after', { field: rule.field, other }) : undefined;
    }
  }
}
