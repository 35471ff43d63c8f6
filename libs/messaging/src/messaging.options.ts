import type { KafkaSecurity } from './kafka/kafka-security';

export interface RetryPolicy {
  /** Attempts for a transiently failing message before its partition backs off and retries later. */
  maxAttempts: number;
  /**
   * Attempts for a message failing with an error neither known transient nor known permanent (a bug,
   * a constraint violation) before it is dead-lettered as permanent; default 3.
   */
  unknownErrorAttempts?: number;
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
  /**
   * The advisory lock (`Transaction.lock`) this service's handlers take on an event's case, if they
   * do: the inbox claim takes it in the same statement, so the handler's own ask costs no round trip.
   */
  caseLockKey?: (caseId: string) => string;
  /**
   * Handled messages' offsets are committed together this often (one OffsetCommit for every partition),
   * not after each batch; a crash redelivers at most this much, which the inbox skips. 0 commits after
   * each batch.
   */
  offsetCommitIntervalMs: number;
  sessionTimeoutMs: number;
  retry: RetryPolicy;
}

export interface OutboxOptions {
  enabled: boolean;
  pollIntervalMs: number;
  batchSize: number;
  /**
   * Payload bytes a turn takes at most (its first row whatever its size): a partition's messages go to
   * the broker as one batch, which it refuses above its max.message.bytes (1 MiB by default).
   */
  batchMaxBytes: number;
}

export interface MessagingOptions {
  service: string;
  clientId: string;
  brokers: string[];
  /** Topics this service makes sure exist at start (its own and those it consumes; its consumer group's dead-letter topic is added). */
  topics: string[];
  partitions: number;
  replicationFactor: number;
  /**
   * Whether the service creates its missing topics at start (default true). Off where operations own
   * the topics: the service then only checks they exist, and stops at start naming those that do not.
   */
  provisionTopics?: boolean;
  /** TLS and SASL for every client the module makes (plaintext and anonymous when absent). */
  security?: KafkaSecurity;
  consumer?: ConsumerOptions;
  outbox: OutboxOptions;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, unknownErrorAttempts: 3, initialBackoffMs: 100, maxBackoffMs: 5_000 };

export function defaultConsumerOptions(groupId: string, topics: readonly string[]): ConsumerOptions {
  return {
    groupId,
    topics: [...topics],
    fromBeginning: true,
    partitionsConsumedConcurrently: 3,
    keyConcurrency: 8,
    eventsPerTransaction: 64,
    offsetCommitIntervalMs: 1_000,
    sessionTimeoutMs: 30_000,
    retry: DEFAULT_RETRY_POLICY,
  };
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = { enabled: true, pollIntervalMs: 200, batchSize: 500, batchMaxBytes: 512 * 1024 };
