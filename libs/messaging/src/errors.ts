import { EnvelopeDecodeError } from '@work-permit/contracts';

/** A failure that will not go away by retrying: the message goes to the dead-letter topic. */
export class PermanentMessageError extends Error {
  override readonly name = 'PermanentMessageError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** A failure worth retrying (a dependency briefly unavailable). */
export class TransientMessageError extends Error {
  override readonly name = 'TransientMessageError';
}

export type FailureKind = 'transient' | 'permanent';

// PostgreSQL SQLSTATEs that mean "try again": connection exceptions (08), serialization failure,
// deadlock, lock not available, insufficient resources (53), operator intervention/shutdown (57P0x).
const TRANSIENT_SQLSTATE = /^(08...|40001|40P01|55P03|53...|57P0.)$/;
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);
const TRANSIENT_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i];

/** Unknown errors are permanent: a bug parks the message on the dead-letter topic instead of blocking its partition. */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof PermanentMessageError || error instanceof EnvelopeDecodeError) return 'permanent';
  if (error instanceof TransientMessageError) return 'transient';
  if (typeof error !== 'object' || error === null) return 'permanent';
  const candidate = error as { code?: unknown; retriable?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const code = typeof candidate.code === 'string' ? candidate.code : candidate.driverError?.code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code))) return 'transient';
  if (candidate.retriable === true) return 'transient';
  if (typeof candidate.message === 'string' && TRANSIENT_MESSAGES.some((re) => re.test(candidate.message as string))) return 'transient';
  return 'permanent';
}

export function failureCode(error: unknown): string {
  if (error instanceof PermanentMessageError) return error.code;
  if (error instanceof EnvelopeDecodeError) return 'undecodable';
  if (error instanceof Error) return error.name || 'Error';
  return 'unknown';
}

/** Exponential backoff, capped: 100, 200, 400 … ms. */
export function backoffMs(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}
