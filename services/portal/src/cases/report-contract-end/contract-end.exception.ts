import { HttpException, HttpStatus } from '@nestjs/common';
import type { Message } from '@work-permit/catalogue';
import { refusalBody } from '../../refusals';

export enum ContractEndErrorCode {
  ValidationFailed = 'validation_failed',
  CaseNotFound = 'case_not_found',
  PermitNotGranted = 'permit_not_granted',
  PermitAlreadyCancelled = 'permit_already_cancelled',
  AlreadyReported = 'contract_end_already_reported',
}

/** A refusal of a contract-end report, answered with API.md's error body; its status is decided once, below. */
export class ContractEndException extends HttpException {
  constructor(
    readonly code: ContractEndErrorCode,
    /** Why, as the catalogue words it: answered in the request's language. */
    readonly reason: Message,
    readonly details?: unknown[],
  ) {
    super(refusalBody(code, reason, details), httpStatusOf(code));
  }
}

export function httpStatusOf(code: ContractEndErrorCode): HttpStatus {
  switch (code) {
    case ContractEndErrorCode.ValidationFailed:
      return HttpStatus.BAD_REQUEST;
    // Also for a case the caller may not report on: the answer tells nothing about other employers' cases.
    case ContractEndErrorCode.CaseNotFound:
      return HttpStatus.NOT_FOUND;
    case ContractEndErrorCode.PermitNotGranted:
    case ContractEndErrorCode.PermitAlreadyCancelled:
    case ContractEndErrorCode.AlreadyReported:
      return HttpStatus.CONFLICT;
  }
}
