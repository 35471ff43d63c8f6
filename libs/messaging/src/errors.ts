import { EnvelopeDecodeError } from '@work-permit/contracts';
import { isOutdatedPlan } from './database/preparing.client';

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

/**
 * What the consumer makes of a failure: `permanent` (a `PermanentMessageError`, bytes that do not
 * decode) goes to the dead-letter topic at once; `transient` (a dependency briefly unavailable) is
 * retried and never dead-lettered; `unknown` (anything else: a bug, a constraint violation) is retried
 * a few times, since it may have been a race, and only then dead-lettered as permanent.
 */
export type FailureDisposition = FailureKind | 'unknown';

// PostgreSQL SQLSTATEs that mean "try again": connection exceptions (08), serialization failure,
// deadlock, lock not available, insufficient resources (53), operator intervention/shutdown (57P0x).
const TRANSIENT_SQLSTATE = /^(08...|40001|40P01|55P03|53...|57P0.)$/;
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);
const TRANSIENT_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i];

/**
 * Transient or permanent, an unknown error counting as permanent: a bug parks the message on the
 * dead-letter topic instead of blocking its partition (the consumer retries it a few times first, see
 * `failureDisposition`; a rebuild skips it).
 */
export function classifyFailure(error: unknown): FailureKind {
  const disposition = failureDisposition(error);
  return disposition === 'unknown' ? 'permanent' : disposition;
}

/** Known permanent, known transient, or unknown (retried a few times before it counts as permanent). */
export function failureDisposition(error: unknown): FailureDisposition {
  if (error instanceof PermanentMessageError || error instanceof EnvelopeDecodeError) return 'permanent';
  if (error instanceof TransientMessageError) return 'transient';
  if (typeof error !== 'object' || error === null) return 'unknown';
  const candidate = error as { code?: unknown; retriable?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const code = typeof candidate.code === 'string' ? candidate.code : candidate.driverError?.code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code))) return 'transient';
  if (candidate.retriable === true) return 'transient';
  // A statement prepared before a migration changed its result's types: the connection now sends it unnamed.
  if (isOutdatedPlan(error)) return 'transient';
  if (typeof candidate.message === 'string' && TRANSIENT_MESSAGES.some((re) => re.test(candidate.message as string))) return 'transient';
  return 'unknown';
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
