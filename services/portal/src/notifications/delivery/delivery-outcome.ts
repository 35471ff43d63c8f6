export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'maxAttempts'> = { baseDelayMs: 30_000, maxDelayMs: 6 * 3_600_000 };

/** What one attempt at a delivery leaves in its row. */
export type DeliveryOutcome =
  | { status: 'sent'; attempts: number; sentAt: Date }
  | { status: 'pending'; attempts: number; nextAttemptAt: Date; lastError: string }
  | { status: 'failed'; attempts: number; lastError: string };

/** Exponential backoff: base, 2×base, 4×base … capped; `attempts` counts the failures so far. */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export function failedAttempt(previousAttempts: number, now: Date, error: string, policy: RetryPolicy): DeliveryOutcome {
  const attempts = previousAttempts + 1;
  if (attempts >= policy.maxAttempts) return { status: 'failed', attempts, lastError: error };
  return { status: 'pending', attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, policy)), lastError: error };
}
