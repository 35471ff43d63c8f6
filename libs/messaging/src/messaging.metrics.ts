import { LATENCY_BUCKETS_SECONDS, type MetricsRegistry } from '@work-permit/observability';

/** What happened to one consumed message. */
export enum ConsumeOutcome {
  Processed = 'processed',
  Duplicate = 'duplicate',
  Retried = 'retried',
  DeadLettered = 'dead_lettered',
  Ignored = 'ignored',
}

export enum ProduceOutcome {
  Published = 'published',
  Failed = 'failed',
}

export class MessagingMetrics {
  readonly consumed;
  readonly produced;
  readonly handlingDuration;
  readonly deadLettered;
  readonly batchFallbacks;
  readonly outboxBacklog;
  readonly deadLettersWaiting;
  /** Set by the relay; read on every scrape of the backlog gauge. */
  readBacklog?: () => Promise<number>;
  /** Set for a consuming service: its group and how many of its dead letters wait, read on every scrape. */
  readDeadLettersWaiting?: { group: string; read: () => Promise<number> };

  constructor(registry: MetricsRegistry) {
    this.consumed = registry.counter('messaging', 'messages_consumed_total', 'Messages consumed, by topic, event type and outcome', ['topic', 'type', 'outcome']);
    this.produced = registry.counter('messaging', 'messages_produced_total', 'Messages produced by the outbox relay, by topic and outcome', ['topic', 'outcome']);
    this.handlingDuration = registry.histogram(
      'messaging',
      'handling_duration_seconds',
      'Time to handle one consumed message, including its database transaction',
      ['topic', 'type'],
      LATENCY_BUCKETS_SECONDS,
    );
    this.batchFallbacks = registry.counter(
      'messaging',
      'batch_fallbacks_total',
      'Batches whose events could not be applied in one transaction and were applied one by one, by topic and failure code',
      ['topic', 'code'],
    );
    this.deadLettered = registry.counter('messaging', 'dead_lettered_total', 'Messages sent to a dead-letter topic, by source topic and reason', ['topic', 'reason']);
    this.outboxBacklog = registry.gauge('messaging', 'outbox_backlog_messages', 'Events committed to the outbox and not yet published', [], () =>
      this.refreshBacklog(),
    );
    this.deadLettersWaiting = registry.gauge(
      'messaging',
      'dead_letters_waiting_messages',
      "Events the consumer group dead-lettered that are neither replayed nor discarded yet (the group's inbox), by group",
      ['group'],
      () => this.refreshDeadLettersWaiting(),
    );
  }

  /** Reads the waiting dead letters on each scrape; -1 when the database does not answer. */
  async refreshDeadLettersWaiting(): Promise<void> {
    if (this.readDeadLettersWaiting) this.deadLettersWaiting.set({ group: this.readDeadLettersWaiting.group }, await this.readDeadLettersWaiting.read().catch(() => -1));
  }

  /** Reads the backlog on each scrape; -1 when the database does not answer. */
  async refreshBacklog(): Promise<void> {
    if (this.readBacklog) this.outboxBacklog.set(await this.readBacklog().catch(() => -1));
  }
}
