import { HttpException, HttpStatus } from '@nestjs/common';
import { localize, type Message } from '@work-permit/catalogue';
import { type FieldError, localizedApiError } from '@work-permit/platform';

export enum RecordErrorCode {
  PurposeRequired = 'purpose_required',
  RecordNotFound = 'record_not_found',
  NoScope = 'forbidden',
  AuditUnavailable = 'audit_unavailable',
}

/** A refusal of the shared-record context, answered with API.md's error body in the request's language (the catalogue's `reason`, Chinese by default); its status is decided once, below. */
export class RecordException extends HttpException {
  constructor(
    readonly code: RecordErrorCode,
    readonly reason: Message,
    readonly details?: FieldError[],
  ) {
    super(localizedApiError(code, localize(reason), details), httpStatusOf(code));
  }
}

export function httpStatusOf(code: RecordErrorCode): HttpStatus {
  switch (code) {
    case RecordErrorCode.PurposeRequired:
      return HttpStatus.BAD_REQUEST;
    // Also for a person the record does not know: nothing was released, so nothing is logged.
    case RecordErrorCode.RecordNotFound:
      return HttpStatus.NOT_FOUND;
    case RecordErrorCode.NoScope:
      return HttpStatus.FORBIDDEN;
    // No read is served without its row in the access log: the read is refused until the log takes writes again.
    case RecordErrorCode.AuditUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}
