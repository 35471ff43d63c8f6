import { HttpException, HttpStatus } from '@nestjs/common';
import { localize, type Message } from '@work-permit/catalogue';
import { type FieldError, localizedApiError } from '../http/api-error';

export enum DeadLettersErrorCode {
  InvalidId = 'validation_failed',
  NotFound = 'dead_letter_not_found',
  AlreadyResolved = 'dead_letter_already_resolved',
  Unavailable = 'dead_letters_unavailable',
}

/** A refusal of the dead-letter operations, in API.md's error body (the catalogue's texts, Chinese by default); its status is decided once, below. */
export class DeadLettersException extends HttpException {
  constructor(
    readonly code: DeadLettersErrorCode,
    readonly reason: Message,
    readonly details?: FieldError[],
  ) {
    super(localizedApiError(code, localize(reason), details), httpStatusOf(code));
  }
}

export function httpStatusOf(code: DeadLettersErrorCode): HttpStatus {
  switch (code) {
    case DeadLettersErrorCode.InvalidId:
      return HttpStatus.BAD_REQUEST;
    // Also for an id that names a resolution record: there is no dead letter there.
    case DeadLettersErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    // Resolved once over HTTP; resolving again is the CLI's deliberate `--force`.
    case DeadLettersErrorCode.AlreadyResolved:
      return HttpStatus.CONFLICT;
    // The group's dead-letter topic or the broker cannot be used just now: nothing the caller did.
    case DeadLettersErrorCode.Unavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}
