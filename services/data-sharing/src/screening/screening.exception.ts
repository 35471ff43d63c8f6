import { HttpException, HttpStatus } from '@nestjs/common';
import { localize, type Message } from '@work-permit/catalogue';
import { type FieldError, localizedApiError } from '@work-permit/platform';

export enum ScreeningErrorCode {
  ValidationFailed = 'validation_failed',
  EntryNotFound = 'entry_not_found',
  AlreadyLifted = 'entry_already_lifted',
  EntryNotActive = 'entry_not_active',
  ScreeningNotFound = 'screening_not_found',
  NotAPossibleMatch = 'not_a_possible_match',
  NotBigData = 'forbidden',
}

/** A refusal of the abnormal-list and screening context, answered with API.md's error body in the request's language (the catalogue's `reason`, Chinese by default); its status is decided once, below. */
export class ScreeningException extends HttpException {
  constructor(
    readonly code: ScreeningErrorCode,
    readonly reason: Message,
    readonly details?: FieldError[],
  ) {
    super(localizedApiError(code, localize(reason), details), httpStatusOf(code));
  }
}

export function httpStatusOf(code: ScreeningErrorCode): HttpStatus {
  switch (code) {
    case ScreeningErrorCode.ValidationFailed:
      return HttpStatus.BAD_REQUEST;
    // Also for an entry the caller may not see: the answer tells nothing about other agencies' entries.
    case ScreeningErrorCode.EntryNotFound:
    case ScreeningErrorCode.ScreeningNotFound:
      return HttpStatus.NOT_FOUND;
    case ScreeningErrorCode.AlreadyLifted:
    case ScreeningErrorCode.EntryNotActive:
    case ScreeningErrorCode.NotAPossibleMatch:
      return HttpStatus.CONFLICT;
    case ScreeningErrorCode.NotBigData:
      return HttpStatus.FORBIDDEN;
  }
}
