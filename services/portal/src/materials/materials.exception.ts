import { HttpException, HttpStatus } from '@nestjs/common';
import { message, type Message } from '@work-permit/catalogue';
import { fieldProblem, refusalBody } from '../refusals';

export enum MaterialErrorCode {
  ValidationFailed = 'validation_failed',
  TooLarge = 'material_too_large',
  QuotaExceeded = 'material_quota_exceeded',
  MaterialNotFound = 'material_not_found',
  ContentMissing = 'material_content_missing',
}

/** A refusal of the materials context, answered with API.md's error body; its status is decided once, below. */
export class MaterialException extends HttpException {
  constructor(
    readonly code: MaterialErrorCode,
    /** Why, as the catalogue words it: answered in the request's language. */
    readonly reason: Message,
    readonly details?: unknown[],
  ) {
    super(refusalBody(code, reason, details), httpStatusOf(code));
  }
}

export function httpStatusOf(code: MaterialErrorCode): HttpStatus {
  switch (code) {
    case MaterialErrorCode.ValidationFailed:
      return HttpStatus.BAD_REQUEST;
    // The subject's quota is a limit on content, like the size of one document: more content than is taken from them.
    case MaterialErrorCode.TooLarge:
    case MaterialErrorCode.QuotaExceeded:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    // Also for a document the caller may not read: the answer is no oracle of what others uploaded.
    case MaterialErrorCode.MaterialNotFound:
      return HttpStatus.NOT_FOUND;
    // A row whose bytes the storage no longer has: the store and the table disagree.
    case MaterialErrorCode.ContentMissing:
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}

/** 413 for a document over the size limit, naming the limit. */
export function documentTooLarge(maxBytes: number): MaterialException {
  return new MaterialException(MaterialErrorCode.TooLarge, message('portal.material.too_large', { maxBytes }), [fieldProblem('file', message('portal.material.size_limit', { maxBytes }))]);
}

/** 413 for a document that would take its uploader past the quota, naming the quota. */
export function quotaExceeded(quotaBytes: number): MaterialException {
  return new MaterialException(MaterialErrorCode.QuotaExceeded, message('portal.material.quota_exceeded', { quotaBytes }), [fieldProblem('file', message('portal.material.quota', { quotaBytes }))]);
}
