import type { MessageInitShape } from '@bufbuild/protobuf';
import { encodeEvent, type EventDefinition, type EventMetadata, type IncomingEvent } from '@work-permit/contracts';
import { escapeLiteral } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { SENT_WITH_THE_COMMIT } from './database/transaction-ends.client';
import { withValuesWritten } from './database/values-written';
import type { OutboxRelay } from './outbox/outbox.relay';

/** The metadata of an event that follows from `cause`: same case and correlation, caused by it. */
export function followingFrom(cause: Pick<IncomingEvent, 'eventId' | 'caseId' | 'correlationId'>): EventMetadata {
  return { caseId: cause.caseId, correlationId: cause.correlationId, causationId: cause.eventId };
}

/** An outbox row as `Transaction.publish` keeps it until the transaction writes its outbox. */
interface OutboxRow {
  eventId: string;
  eventType: string;
  topic: string;
  messageKey: string;
  payload: Uint8Array;
  headers: Record<string, string>;
}

/** A database transaction that can also publish events: they are written to the outbox and commit with it. */
export class Transaction {
  private readonly outbox: OutboxRow[] = [];
  private published = 0;
  private readonly locked = new Set<string>();

  constructor(readonly manager: EntityManager) {}

  /**
   * Takes the advisory lock named `key` until the transaction ends. A transaction that applies a batch
   * asks for the same lock once per event; it already holds it after the first, so later asks cost no round trip.
   */
  async lock(key: string): Promise<void> {
    if (this.locked.has(key)) return;
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    this.locked.add(key);
  }

  /** Locks a statement of this transaction took along with its own work (the inbox claim): asking for them costs nothing. */
  holdsAlready(keys: readonly string[]): void {
    for (const key of keys) this.locked.add(key);
  }

  /** Publishes with the commit: the event is kept for the outbox, which the unit of work writes last (`writeOutbox`). */
  publish<D extends EventDefinition>(definition: D, payload: MessageInitShape<D['schema']>, metadata: EventMetadata): Promise<string> {
    const event = encodeEvent(definition, payload, metadata);
    this.outbox.push({
      eventId: event.eventId,
      eventType: event.type,
      topic: event.topic,
      messageKey: event.key,
      payload: event.value,
      headers: { 'event-type': event.type, 'event-id': event.eventId, 'correlation-id': metadata.correlationId },
    });
    this.published += 1;
    return Promise.resolve(event.eventId);
  }

  /**
   * Writes with the COMMIT: a statement whose answer nobody reads (an insert, an upsert, an update)
   * goes to the database in one message with the COMMIT, or with the next statement when one comes
   * first (`TransactionEndsClient`), its values written in as literals (`withValuesWritten`). The
   * statements still run in the order asked; a failure of this one fails the statement it travels
   * with, or the COMMIT, and the transaction is rolled back.
   *
   * Only for a simple statement (one row's VALUES, an update by key): written in, it is parsed and
   * planned on every use, where with parameters it is prepared once (`PreparingClient`). Measured on
   * one connection, an upsert of one row costs 60–85 µs less of the service's CPU this way and the same
   * of PostgreSQL's; a statement with CTEs or `json_populate_recordset` costs PostgreSQL 40–140 µs more
   * to plan than the round trip saves, and large bytes (a PDF) cost more to quote than to send.
   */
  async writeWithTheCommit(text: string, values: readonly unknown[] = []): Promise<void> {
    await this.manager.query(`${SENT_WITH_THE_COMMIT} ${withValuesWritten(text, values)}`);
  }

  get publishedCount(): number {
    return this.published;
  }

  /**
   * Writes the events published so far to the outbox, in publishing order, in one statement marked to
   * go with the COMMIT (`TransactionEndsClient`). The unit of work calls it when the work is done.
   */
  async writeOutbox(): Promise<void> {
    if (this.outbox.length === 0) return;
    const rows = this.outbox.splice(0).map((row) =>
      [row.eventId, row.eventType, row.topic, row.messageKey].map(escapeLiteral).join(', ') + `, decode('${Buffer.from(row.payload).toString('hex')}', 'hex'), ${escapeLiteral(JSON.stringify(row.headers))}::jsonb`,
    );
    await this.manager.query(`${SENT_WITH_THE_COMMIT} INSERT INTO outbox_message (event_id, event_type, topic, message_key, payload, headers) VALUES (${rows.join('), (')})`);
  }
}

export interface InboxKey {
  consumerGroup: string;
  eventId: string;
  eventType: string;
  topic: string;
}

/**
 * The advisory locks (as `Transaction.lock` names them) a claim takes before its inbox rows, in key
 * order so that two claims never wait for each other in a circle. Taking an event's case lock here
 * saves each event the round trip its handler's `lock` would cost.
 */
function claimLocks(locks: readonly string[]): string {
  if (locks.length === 0) return '';
  return `WITH locked AS (SELECT pg_advisory_xact_lock(hashtextextended(key, 0)) FROM (SELECT DISTINCT key FROM unnest(${textArray(locks)}) AS key ORDER BY key) AS sorted)`;
}

/**
 * A claim is the first statement of its transaction, and a statement without parameters goes to the
 * database in one message with the transaction's BEGIN (`TransactionEndsClient`): its values are
 * written into it as literals, escaped by pg.
 */
function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(escapeLiteral).join(', ')}]::text[]`;
}

/** The one row an insert reads from so that the claim's locks are taken before it writes. */
const LOCKS_TAKEN = '(SELECT count(*) FROM locked) AS taken';

export type OnceResult<T> = { duplicate: true } | { duplicate: false; result: T };

/** Runs use cases in one transaction with their outbox rows; `runOnce` adds the inbox check for consumers. */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay?: OutboxRelay,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    let tx: Transaction | undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      tx = new Transaction(manager);
      const done = await work(tx);
      await tx.writeOutbox();
      return done;
    });
    if (tx && tx.publishedCount > 0) this.relay?.nudge();
    return result;
  }

  /**
   * Applies `work` at most once per consumer group and event id: the inbox row commits with the effect.
   * A `replay` (an operator's replay of a dead letter) also goes through when the event's row says it
   * was dead-lettered or discarded — once: its row then says processed, so a second replay is a duplicate.
   * `locks` are taken by the same statement as the inbox row (`claimLocks`).
   */
  async runOnce<T>(key: InboxKey, work: (tx: Transaction) => Promise<T>, { replay = false, locks = [] }: { replay?: boolean; locks?: readonly string[] } = {}): Promise<OnceResult<T>> {
    return this.run(async (tx) => {
      const values = [key.consumerGroup, key.eventId, key.eventType, key.topic].map(escapeLiteral).join(', ');
      const row = `SELECT ${values}, 'processed'${locks.length > 0 ? ` FROM ${LOCKS_TAKEN}` : ''}`;
      const inserted = (await tx.manager.query(
        `${claimLocks(locks)} INSERT INTO inbox_entry (consumer_group, event_id, event_type, topic, outcome) ${row}
         ${
           replay
             ? `ON CONFLICT (consumer_group, event_id) DO UPDATE SET outcome = 'processed', processed_at = now()
                WHERE inbox_entry.outcome IN ('dead_lettered', 'discarded') RETURNING event_id`
             : 'ON CONFLICT DO NOTHING RETURNING event_id'
         }`,
      )) as unknown[];
      tx.holdsAlready(locks);
      if (inserted.length === 0) return { duplicate: true } as const;
      return { duplicate: false, result: await work(tx) } as const;
    });
  }

  /**
   * Applies several events in one transaction, each at most once per consumer group: one multi-row
   * inbox insert says which are new (a redelivery, or the same event twice in the batch, is skipped),
   * then `work` runs for each new one in order. Any failure rolls everything back. `locks` are taken by
   * the same statement as the inbox rows (`claimLocks`).
   */
  async runOnceEach(keys: readonly InboxKey[], work: (tx: Transaction, index: number) => Promise<void>, locks: readonly string[] = []): Promise<boolean[]> {
    return this.run(async (tx) => {
      const inserted = (await tx.manager.query(
        `${claimLocks(locks)} INSERT INTO inbox_entry (consumer_group, event_id, event_type, topic, outcome)
         SELECT consumer_group, event_id, event_type, topic, 'processed'
         FROM unnest(${[keys.map((k) => k.consumerGroup), keys.map((k) => k.eventId), keys.map((k) => k.eventType), keys.map((k) => k.topic)].map(textArray).join(', ')})
           AS entry (consumer_group, event_id, event_type, topic)${locks.length > 0 ? `, ${LOCKS_TAKEN}` : ''}
         ON CONFLICT DO NOTHING RETURNING event_id`,
      )) as { event_id: string }[];
      tx.holdsAlready(locks);
      const fresh = new Set(inserted.map((row) => row.event_id));
      const duplicate = keys.map((key) => {
        if (!fresh.has(key.eventId)) return true;
        fresh.delete(key.eventId);
        return false;
      });
      for (let index = 0; index < keys.length; index += 1) if (!duplicate[index]) await work(tx, index);
      return duplicate;
    });
  }

  /** Marks a dead-lettered event discarded by an operator (no longer waiting). */
  async markDiscarded(key: Pick<InboxKey, 'consumerGroup' | 'eventId'>): Promise<void> {
    await this.dataSource.query(`UPDATE inbox_entry SET outcome = 'discarded' WHERE consumer_group = $1 AND event_id = $2 AND outcome = 'dead_lettered'`, [
      key.consumerGroup,
      key.eventId,
    ]);
  }

  /** The group's dead-lettered events neither replayed nor discarded. */
  async deadLettersWaiting(consumerGroup: string): Promise<number> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM inbox_entry WHERE consumer_group = $1 AND outcome = 'dead_lettered'`, [
      consumerGroup,
    ])) as { n: number }[];
    return n;
  }

  /** Records a dead-lettered event so a redelivery of it is skipped rather than dead-lettered again. */
  async markDeadLettered(key: InboxKey): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO inbox_entry (consumer_group, event_id, event_type, topic, outcome)
       VALUES ($1, $2, $3, $4, 'dead_lettered') ON CONFLICT DO NOTHING`,
      [key.consumerGroup, key.eventId, key.eventType, key.topic],
    );
  }
}
