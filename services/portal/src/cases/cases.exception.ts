import { HttpException, HttpStatus } from '@nestjs/common';
import { apiError } from '@work-permit/platform';

export enum CaseErrorCode {
  ValidationFailed = 'validation_failed',
  SelectionRefused = 'selection_refused',
  CaseNotFound = 'case_not_found',
  IdempotencyKeyReused = 'idempotency_key_reused',
  ItemNotInCase = 'item_not_in_case',
  NotAwaitingSupplement = 'not_awaiting_supplement',
  CaseClosed = 'case_closed',
}

/** A refusal of the cases context, answered with API.md's error body; its status is decided once, below. */
export class CaseException extends HttpException {
  constructor(
    readonly code: CaseErrorCode,
    message: string,
    readonly details?: unknown[],
  ) {
    super(apiError(code, message, details), httpStatusOf(code));
  }
}

export function httpStatusOf(code: CaseErrorCode): HttpStatus {
  switch (code) {
    case CaseErrorCode.ValidationFailed:
      return HttpStatus.BAD_REQUEST;
    case CaseErrorCode.SelectionRefused:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case CaseErrorCode.CaseNotFound:
    case CaseErrorCode.ItemNotInCase:
      return HttpStatus.NOT_FOUND;
    case CaseErrorCode.IdempotencyKeyReused:
    case CaseErrorCode.NotAwaitingSupplement:
    case CaseErrorCode.CaseClosed:
      return HttpStatus.CONFLICT;
  }
}
