import { createTestDatabase, createTestTopic, eventually, testKafka, testKafkaBrokers } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { consumedTotal, runFixture } from './fixtures/crash-helpers';
import { LedgerEntry, submitCase } from './fixtures/ledger';
import { startTestApp, type TestApp } from './fixtures/messaging-test-app';

const kafka = testKafka();

/**
 * Issue 16, case 1: a service SIGKILLed after the transaction applying an event committed and before
 * the consumer committed the batch's offsets. The restarted consumer is given the batch again; what
 * had committed meets its inbox rows, the rest is applied now — every event exactly once.
 */
describe('a consumer killed after its effects commit, before its offsets do', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let topic: string;
  let consumer: TestApp | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('crash_offsets');
    topic = await createTestTopic(kafka, 'crash-offsets');
  });

  afterEach(async () => {
    await consumer?.close();
    consumer = undefined;
    await database.drop();
  });

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  /** Per partition: the end of the log, and where the group's committed offset stands (0 when it has none). */
  async function offsets(groupId: string): Promise<{ end: number; committed: number }[]> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return ends.map(({ partition, high }) => ({ end: Number(high), committed: Math.max(0, Number(partitions.find((p) => p.partition === partition)?.offset ?? -1)) }));
    } finally {
      await admin.disconnect();
    }
  }

  it('applies each event once when the batch whose effects had committed is delivered again', async () => {
    const cases = Array.from({ length: 12 }, () => randomUUID());
    const publisher = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `publisher-${randomUUID()}`, consume: false });
    const ids: string[] = [];
    try {
      for (const caseId of cases) ids.push(await submitCase(publisher.unitOfWork, topic, { caseId, seq: 1 }));
      await eventually(async () => (await publisher.dataSource.query('SELECT count(*)::int AS n FROM outbox_message'))[0].n === 0, { what: 'the relay to publish every event' });
    } finally {
      await publisher.close();
    }
    const groupId = `g-${randomUUID()}`;

    const exit = await runFixture('consume-then-die-after-commit.ts', [database.url, testKafkaBrokers().join(','), topic, groupId, cases[6]]);
    expect({ signal: exit.signal, output: exit.signal === 'SIGKILL' ? '' : exit.output }).toEqual({ signal: 'SIGKILL', output: '' });

    // What the killed process left: the seventh case's effect and inbox row committed, its offset not.
    const appliedBefore = (await query<{ event_id: string }>('SELECT event_id FROM ledger_entry')).map((row) => row.event_id);
    expect(appliedBefore).toContain(ids[6]);
    const [{ n: inboxBefore }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM inbox_entry WHERE outcome = 'processed'");
    expect(inboxBefore).toBe(appliedBefore.length);
    const atKill = await offsets(groupId);
    const uncommitted = atKill.reduce((sum, p) => sum + p.end - p.committed, 0);
    expect(uncommitted).toBeGreaterThanOrEqual(1);

    consumer = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId, relay: false, sessionTimeoutMs: 6_000 });
    await eventually(async () => (await offsets(groupId)).every((p) => p.committed === p.end), { what: 'the restarted consumer to commit every partition to its end', timeoutMs: 30_000 });

    // Submitted 12, applied 12, applied twice 0; every redelivered event that had committed was met as a duplicate.
    const rows = await consumer.dataSource.getRepository(LedgerEntry).find();
    expect(rows.map((row) => row.eventId).sort()).toEqual([...ids].sort());
    const [{ n: inbox }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM inbox_entry WHERE outcome = 'processed'");
    expect(inbox).toBe(12);
    const redeliveredAlreadyApplied = appliedBefore.length - (12 - uncommitted);
    expect(redeliveredAlreadyApplied).toBeGreaterThanOrEqual(1);
    expect({ duplicates: await consumedTotal(consumer, 'duplicate'), processed: await consumedTotal(consumer, 'processed') }).toEqual({
      duplicates: redeliveredAlreadyApplied,
      processed: 12 - appliedBefore.length,
    });
  });
});
