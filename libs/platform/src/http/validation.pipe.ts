import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { apiError, type FieldError } from './api-error';

/** Every offending field, nested ones by dotted path (`applicant.passportNo`, `materials.0.sha256`). */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      result.push({ field, message: message === `property ${error.property} should not exist` ? 'unknown field' : message });
    }
    if (error.children?.length) result.push(...fieldErrors(error.children, field));
  }
  return result;
}

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
    exceptionFactory: (errors) => new BadRequestException(apiError('validation_failed', 'the request has invalid fields', fieldErrors(errors))),
  });
}
