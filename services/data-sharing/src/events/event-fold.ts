import type { IncomingEvent } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';

/**
 * One thing the Big Data Bureau builds from the bus (screening, the shared record, statistics…).
 * Every fold sees every event the service consumes, in the consumer's transaction, and ignores the
 * types it does not declare (`eventTypes`). A fold must depend only on the events (their `occurredAt`, never the wall
 * clock), so replaying the topics from the start rebuilds the same state.
 */
export interface EventFold {
  readonly name: string;
  /**
   * The event types it folds; it leaves every other event alone (event-folds.spec.ts checks). The
   * service handles, and so subscribes to and decodes, only the union of its folds' types.
   */
  readonly eventTypes: readonly string[];
  /**
   * A projection (record, statistics) that a replay from offset 0 rebuilds; false for a fold that
   * decides and publishes (screening), which a replay must not run again.
   */
  readonly rebuildable: boolean;
  apply(event: IncomingEvent, tx: Transaction): Promise<void>;
  /**
   * The batch form a rebuild uses: the events in order, leaving the fold's tables as `apply` one by
   * one would, in a handful of statements. The transaction must be the only writer of those tables;
   * the effects of the folds before it in the list are written already, for the whole batch.
   */
  applyBatch?(events: readonly IncomingEvent[], tx: Transaction): Promise<void>;
}

export const EVENT_FOLDS = Symbol('EVENT_FOLDS');
