import { type Message, onTheWire } from '@work-permit/catalogue';

export enum WorkPermitErrorCode {
  InvalidDate = 'invalid_date',
  InvalidArgument = 'invalid_argument',
  /** The contract ends on or before it starts. */
  InvalidContractTerm = 'invalid_contract_term',
  /** Nothing of the contract is left to permit: it ended, or the passport expires, before the term would start. */
  NoPermitTerm = 'no_permit_term',
}

/**
 * Input the work permit rules cannot work with; callers map the code to HTTP or a DLQ reason at their edge.
 * `reason` says why in the message catalogue's words, for the officer who reads it in either language;
 * the error's own `message` is that reason in Chinese, then English, for logs.
 */
export class WorkPermitError extends Error {
  override readonly name = 'WorkPermitError';

  constructor(
    readonly code: WorkPermitErrorCode,
    readonly reason: Message,
  ) {
    super(onTheWire(reason));
  }
}
