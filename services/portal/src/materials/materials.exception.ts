import { HttpException, HttpStatus } from '@nestjs/common';
import { apiError } from '@work-permit/platform';

export enum MaterialErrorCode {
  ValidationFailed = 'validation_failed',
  TooLarge = 'material_too_large',
  MaterialNotFound = 'material_not_found',
  Forbidden = 'material_forbidden',
  ContentMissing = 'material_content_missing',
}

/** A refusal of the materials context, answered with API.md's error body; its status is decided once, below. */
export class MaterialException extends HttpException {
  constructor(
    readonly code: MaterialErrorCode,
    message: string,
    readonly details?: unknown[],
  ) {
    super(apiError(code, message, details), httpStatusOf(code));
  }
}

export function httpStatusOf(code: MaterialErrorCode): HttpStatus {
  switch (code) {
    case MaterialErrorCode.ValidationFailed:
      return HttpStatus.BAD_REQUEST;
    case MaterialErrorCode.TooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case MaterialErrorCode.MaterialNotFound:
      return HttpStatus.NOT_FOUND;
    case MaterialErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    // A row whose bytes the storage no longer has: the store and the table disagree.
    case MaterialErrorCode.ContentMissing:
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
