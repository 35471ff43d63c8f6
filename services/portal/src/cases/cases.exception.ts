import { HttpException, HttpStatus } from '@nestjs/common';
import type { Message } from '@work-permit/catalogue';
import { refusalBody } from '../refusals';

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
    /** Why, as the catalogue words it: answered in the request's language. */
    readonly reason: Message,
    readonly details?: unknown[],
  ) {
    super(refusalBody(code, reason, details), httpStatusOf(code));
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
