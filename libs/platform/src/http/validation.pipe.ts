import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, localizedApiError } from './api-error';

/**
 * What a failed constraint means, in Chinese: the decorators' own (English) messages stay beside it,
 * so each language reads the field's problem in its own words.
 */
const CONSTRAINT_ZH: Readonly<Record<string, string>> = {
  whitelistValidation: '未知字段',
  isNotEmpty: '必填',
  isDefined: '必填',
  arrayNotEmpty: '至少填写一项',
  arrayMinSize: '项数过少',
  arrayMaxSize: '项数过多',
  arrayUnique: '有重复项',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  matches: '格式不正确',
  maxLength: '过长',
  minLength: '过短',
  max: '数值过大',
  min: '数值过小',
  isString: '须为文本',
  isInt: '须为整数',
  isNumber: '须为数字',
  isPositive: '须为正数',
  isBoolean: '须为 true 或 false',
  isDateString: '须为日期（YYYY-MM-DD）',
  isISO8601: '须为日期（YYYY-MM-DD）',
  isEmail: '须为电子邮箱地址',
  isUrl: '须为网址',
  isUUID: '须为 UUID',
  isObject: '须为对象',
  isArray: '须为列表',
  nestedValidation: '须为对象',
};

/** A field's problem in both languages: Chinese by the constraint, English as the decorator says it. */
export function fieldError(field: string, constraint: string, english: string): FieldError {
  const en = constraint === 'whitelistValidation' ? 'unknown field' : english;
  const zh = CONSTRAINT_ZH[constraint] ?? '取值无效';
  return { field, message: zh, messages: { zh, en } };
}

/** Every offending field, nested ones by dotted path (`applicant.passportNo`, `materials.0.sha256`). */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) result.push(fieldError(field, constraint, message));
    if (error.children?.length) result.push(...fieldErrors(error.children, field));
  }
  return result;
}

export const INVALID_FIELDS = { zh: '请求中有无效字段', en: 'the request has invalid fields' } as const;

/** Bodies are validated against their DTO: unknown fields rejected, every bad field named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // One message per field: a missing value is "required", not also "not a string" and "too long".
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(localizedApiError('validation_failed', INVALID_FIELDS, fieldErrors(errors))),
  });
}
