import { type Message, onTheWire } from '@work-permit/catalogue';

export enum TalentErrorCode {
  InvalidDate = 'invalid_date',
  InvalidArgument = 'invalid_argument',
}

/**
 * Input the talent rules cannot work with; callers map the code to HTTP or a DLQ reason at their edge.
 * `reason` says why in the catalogue's words (rendered in the reader's language); the error's own
 * message is the same in Chinese, then English, for logs and readers of plain text.
 */
export class TalentError extends Error {
  override readonly name = 'TalentError';

  constructor(
    readonly code: TalentErrorCode,
    readonly reason: Message,
  ) {
    super(onTheWire(reason));
  }
}
