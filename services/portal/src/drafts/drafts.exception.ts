import { HttpException, HttpStatus } from '@nestjs/common';
import type { Message } from '@work-permit/catalogue';
import { refusalBody } from '../refusals';

export enum DraftErrorCode {
  ValidationFailed = 'validation_failed',
  DraftNotFound = 'draft_not_found',
  VersionRequired = 'draft_version_required',
  VersionConflict = 'draft_version_conflict',
  LimitReached = 'draft_limit_reached',
}

/** A refusal of the drafts context, answered with API.md's error body; its status is decided once, below. */
export class DraftException extends HttpException {
  constructor(
    readonly code: DraftErrorCode,
    readonly reason: Message,
    readonly details?: unknown[],
  ) {
    super(refusalBody(code, reason, details), httpStatusOf(code));
  }
}

export function httpStatusOf(code: DraftErrorCode): HttpStatus {
  switch (code) {
    case DraftErrorCode.ValidationFailed:
      return HttpStatus.BAD_REQUEST;
    case DraftErrorCode.DraftNotFound:
      return HttpStatus.NOT_FOUND;
    case DraftErrorCode.VersionRequired:
      return HttpStatus.PRECONDITION_REQUIRED;
    case DraftErrorCode.VersionConflict:
    case DraftErrorCode.LimitReached:
      return HttpStatus.CONFLICT;
  }
}
