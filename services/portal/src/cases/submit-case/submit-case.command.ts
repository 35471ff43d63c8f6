import type { Principal } from '@work-permit/auth';

export interface SubmitCaseCommand {
  principal: Principal;
  /** Optional; with it, the same key and body again return the same case. */
  idempotencyKey?: string;
  body: unknown;
}

export interface SubmitCaseResult {
  caseId: string;
  status: 'in_progress';
  /** True when an earlier submission with the same Idempotency-Key is returned. */
  replayed: boolean;
}
