export enum TalentErrorCode {
  InvalidDate = 'invalid_date',
  InvalidArgument = 'invalid_argument',
}

/** Input the talent rules cannot work with; callers map the code to HTTP or a DLQ reason at their edge. */
export class TalentError extends Error {
  override readonly name = 'TalentError';

  constructor(
    readonly code: TalentErrorCode,
    message: string,
  ) {
    super(message);
  }
}
