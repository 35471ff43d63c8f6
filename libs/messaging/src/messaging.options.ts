export interface RetryPolicy {
  /** Attempts for a transiently failing message before its partition backs off and retries later. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  /** A new consumer group starts at the earliest offset, so nothing published before its first start is missed. */
  fromBeginning: boolean;
  /** Partitions handled at the same time. */
  partitionsConsumedConcurrently: number;
  /** Cases (message keys) of one partition's batch handled at the same time; one case's events stay in order. */
  keyConcurrency: number;
  /**
   * The events of a batch's cases handled together applied in one transaction (at most this many),
   * falling back to one transaction per event when that fails; 1 applies every event on its own.
   */
  eventsPerTransaction: number;
  sessionTimeoutMs: number;
  retry: RetryPolicy;
}

export interface OutboxOptions {
  enabled: boolean;
  pollIntervalMs: number;
  batchSize: number;
}

export interface MessagingOptions {
  service: string;
  clientId: string;
  brokers: string[];
  /** Topics this service makes sure exist at start (its own and those it consumes, with their dead-letter topics). */
  topics: string[];
  partitions: number;
  replicationFactor: number;
  consumer?: ConsumerOptions;
  outbox: OutboxOptions;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 5_000 };

export function defaultConsumerOptions(groupId: string, topics: readonly string[]): ConsumerOptions {
  return {
    groupId,
    topics: [...topics],
    fromBeginning: true,
    partitionsConsumedConcurrently: 3,
    keyConcurrency: 8,
    eventsPerTransaction: 64,
    sessionTimeoutMs: 30_000,
    retry: DEFAULT_RETRY_POLICY,
  };
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = { enabled: true, pollIntervalMs: 200, batchSize: 500 };
