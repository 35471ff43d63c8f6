import { HttpException, HttpStatus } from '@nestjs/common';
import type { Message } from '@work-permit/catalogue';
import { refusalBody } from '../refusals';

export enum DocumentErrorCode {
  DocumentNotFound = 'document_not_found',
  CaseNotFound = 'case_not_found',
}

/** A refusal of the documents context, in API.md's error body. Unknown and forbidden are one answer, so it is no oracle. */
export class DocumentException extends HttpException {
  constructor(
    readonly code: DocumentErrorCode,
    /** Why, as the catalogue words it: answered in the request's language. */
    readonly reason: Message,
  ) {
    super(refusalBody(code, reason), httpStatusOf(code));
  }
}

export function httpStatusOf(code: DocumentErrorCode): HttpStatus {
  switch (code) {
    case DocumentErrorCode.DocumentNotFound:
    case DocumentErrorCode.CaseNotFound:
      return HttpStatus.NOT_FOUND;
  }
}
