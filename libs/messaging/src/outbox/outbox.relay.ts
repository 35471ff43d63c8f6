import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { type MessagingMetrics, ProduceOutcome } from '../messaging.metrics';
import type { OutboxOptions } from '../messaging.options';

interface PendingRow {
  sequence: string;
  event_id: string;
  event_type: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
  /** How many of the oldest rows (up to the batch size) the turn looked at: more than it took when the byte budget cut it short. */
  head_rows: number;
}

// One relay at a time per database publishes, so events leave in commit order even with replicas.
export const RELAY_LOCK_KEY = 7_301_202_611;

/**
 * Publishes committed outbox rows with the idempotent producer and deletes them once the broker has
 * acknowledged them (acks=all). A crash after publishing and before deleting republishes the batch;
 * consumers' inboxes make that harmless.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  /** The last turn left rows it had looked at (the batch size or the byte budget cut it short): the next one goes at once. */
  private cutShort = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly metrics: MessagingMetrics,
    private readonly options: OutboxOptions,
  ) {}

  start(): void {
    if (this.running || !this.options.enabled) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
  }

  /** Called after a commit that wrote outbox rows, so they leave without waiting for the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /**
   * Publishes one batch; returns how many events left. The rows are taken and deleted in one statement,
   * inside the transaction that commits only once the broker has acknowledged them (acks=all): a failed
   * send rolls the delete back, and a crash before the commit leaves them to be published again. A batch
   * is the oldest rows up to the batch size and, past the first row, up to `batchMaxBytes` of payload: a
   * backlog (after an outage, or of documents) sent whole would be refused by the broker as too large,
   * again at every retry, and nothing behind it would leave.
   */
  async publishPending(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Another replica's relay holding the lock takes the whole turn: no rows are read. Integers of the
      // code's own, written in, so the statement goes with the BEGIN (`TransactionEndsClient`). The
      // payloads' lengths come from their TOAST pointers (no payload is read for them).
      const rows = (
        (await manager.query(
          `WITH relay AS (SELECT pg_try_advisory_xact_lock(${integer(RELAY_LOCK_KEY)}) AS locked),
           head AS (
             SELECT sequence, sum(bytes) OVER (ORDER BY sequence) AS bytes_through, row_number() OVER (ORDER BY sequence) AS position
             FROM (SELECT sequence, octet_length(payload) AS bytes FROM outbox_message WHERE (SELECT locked FROM relay) ORDER BY sequence LIMIT ${integer(this.options.batchSize)}) oldest
           )
           DELETE FROM outbox_message WHERE sequence IN (
             SELECT sequence FROM head WHERE position = 1 OR bytes_through <= ${integer(this.options.batchMaxBytes)}
           ) RETURNING sequence, event_id, event_type, topic, message_key, payload, headers, (SELECT count(*)::int FROM head) AS head_rows`,
        )) as [PendingRow[], number]
      )[0];
      this.cutShort = rows.length > 0 && (rows.length < rows[0].head_rows || rows.length >= this.options.batchSize);
      if (rows.length === 0) return 0;
      rows.sort((a, b) => (BigInt(a.sequence) < BigInt(b.sequence) ? -1 : 1));
      try {
        await this.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
      } catch (error) {
        for (const topic of new Set(rows.map((r) => r.topic))) this.metrics.produced.inc({ topic, outcome: ProduceOutcome.Failed });
        throw error;
      }
      for (const row of rows) this.metrics.produced.inc({ topic: row.topic, outcome: ProduceOutcome.Published });
      return rows.length;
    });
  }

  private async hasPending(): Promise<boolean> {
    const [{ pending }] = (await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM outbox_message) AS pending')) as [{ pending: boolean }];
    return pending;
  }

  async backlog(): Promise<number> {
    const [{ count }] = (await this.dataSource.query('SELECT count(*)::int AS count FROM outbox_message')) as [{ count: number }];
    return count;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const nudged = this.nudged;
      this.nudged = false;
      let published = 0;
      try {
        // A nudge means rows were just committed; most timed polls find none, and asking first costs
        // one statement where the turn (a transaction, its lock and delete) costs three.
        if (nudged || (await this.hasPending())) published = await this.publishPending();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.warn(`outbox publish failed (attempt ${failures}): ${(error as Error).message}`);
      }
      if (!this.running) break;
      if (published > 0 && this.cutShort) continue;
      const delay = failures > 0 ? Math.min(5_000, this.options.pollIntervalMs * 2 ** failures) : this.options.pollIntervalMs;
      if (!this.nudged || failures > 0) await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}

function groupByTopic(rows: PendingRow[]) {
  const byTopic = new Map<string, { key: string; value: Buffer; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.message_key, value: row.payload, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}
