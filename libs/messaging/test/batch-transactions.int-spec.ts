import { deadLetterTopicOfGroup, decodeEnvelope } from '@work-permit/contracts';
import { MetricsRegistry } from '@work-permit/observability';
import { createTestDatabase, createTestTopic, eventually, readTopic, testKafka, testKafkaBrokers } from '@work-permit/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerEntry, submitCase } from './fixtures/ledger';
import { startTestApp, type TestApp } from './fixtures/messaging-test-app';

const kafka = testKafka();

/**
 * A consumer applies the events of a batch's cases in one transaction: one commit for many events.
 * These tests publish first and consume afterwards, so the consumer meets the events as one batch.
 */
describe('applying a batch of events in one transaction', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let topic: string;
  let consumer: TestApp | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('batch');
    topic = await createTestTopic(kafka, 'batch');
  });

  afterEach(async () => {
    await consumer?.close();
    consumer = undefined;
    await database.drop();
  });

  /** Publishes the cases' events through the outbox with no consumer running, and waits until they are on the topic. */
  async function publishBeforeConsuming(events: { caseId: string; seq: number; behaviour?: string }[]): Promise<string[]> {
    const publisher = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `publisher-${randomUUID()}`, consume: false });
    try {
      const ids: string[] = [];
      for (const event of events) ids.push(await submitCase(publisher.unitOfWork, topic, event));
      await eventually(async () => (await publisher.dataSource.query('SELECT count(*)::int AS n FROM outbox_message'))[0].n === 0, { what: 'the relay to publish every event' });
      return ids;
    } finally {
      await publisher.close();
    }
  }

  const ledger = () => consumer!.dataSource.getRepository(LedgerEntry).find({ order: { caseId: 'ASC', seq: 'ASC' } });
  const fallbacks = async () => Number(/messaging_batch_fallbacks_total\{[^}]*\} (\d+)/.exec(await consumer!.app.get(MetricsRegistry).metrics())?.[1] ?? 0);

  it("commits a batch's events together, in order, each once", async () => {
    const caseId = randomUUID();
    const ids = await publishBeforeConsuming([1, 2, 3, 4, 5].map((seq) => ({ caseId, seq })));
    consumer = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `g-${randomUUID()}`, relay: false });

    await eventually(async () => (await ledger()).length === 5, { what: 'the five events' });
    expect((await ledger()).map((row) => [row.eventId, row.seq])).toEqual(ids.map((id, index) => [id, index + 1]));
    // now() is the transaction's start: one value for the five inbox rows is one transaction.
    const [{ transactions }] = await consumer.dataSource.query('SELECT count(DISTINCT processed_at)::int AS transactions FROM inbox_entry WHERE event_id = ANY($1)', [ids]);
    expect(transactions).toBe(1);
    expect(await fallbacks()).toBe(0);
  });

  it('dead-letters only the poison event of a batch and applies the others once', async () => {
    const caseId = randomUUID();
    const ids = await publishBeforeConsuming([
      { caseId, seq: 1 },
      { caseId, seq: 2, behaviour: 'poison' },
      { caseId, seq: 3 },
      { caseId, seq: 4 },
    ]);
    const groupId = `g-${randomUUID()}`;
    consumer = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId, relay: false });

    await eventually(async () => (await ledger()).length === 3, { what: 'the three good events' });
    expect((await ledger()).map((row) => row.seq)).toEqual([1, 3, 4]);
    const parked = await readTopic(kafka, deadLetterTopicOfGroup(groupId), { count: 2, timeoutMs: 3_000 });
    expect(parked.map((message) => decodeEnvelope(message.value!).eventId)).toEqual([ids[1]]);
    // The batch was tried together first, then event by event.
    expect(await fallbacks()).toBeGreaterThanOrEqual(1);
    const outcomes = await consumer.dataSource.query('SELECT event_id, outcome FROM inbox_entry ORDER BY outcome, event_id');
    expect(outcomes).toHaveLength(4);
    expect(outcomes.filter((row: { outcome: string }) => row.outcome === 'dead_lettered').map((row: { event_id: string }) => row.event_id)).toEqual([ids[1]]);
  });

  it('re-applies nothing twice after the process is killed in the middle of a batch', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'batch-crash-')), 'crashed');
    const cases = Array.from({ length: 12 }, () => randomUUID());
    const ids = await publishBeforeConsuming(cases.map((caseId, index) => ({ caseId, seq: 1, ...(index === 6 && { behaviour: `crash-once:${marker}` }) })));
    const groupId = `g-${randomUUID()}`;

    // The consumer, in a process of its own, is SIGKILLed while the batch holding the seventh case is applied.
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
      let output = '';
      const child = execFile(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'fixtures/consume-until-killed.ts'), database.url, testKafkaBrokers().join(','), topic, groupId], {
        cwd: join(__dirname, '../../..'),
        // The workspace's path aliases (@work-permit/*), as the library's own tsconfig maps them.
        env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '../tsconfig.json') },
        timeout: 60_000,
      });
      child.stdout?.on('data', (chunk) => (output += chunk));
      child.stderr?.on('data', (chunk) => (output += chunk));
      child.once('exit', (code, signal) => resolve({ code, signal, output }));
    });
    expect({ signal: exit.signal, output: exit.signal === 'SIGKILL' ? '' : exit.output }).toEqual({ signal: 'SIGKILL', output: '' });
    expect(existsSync(marker)).toBe(true);

    // Started again in the same group: whatever committed stays, whatever was rolled back is applied now, each once.
    consumer = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId, relay: false, sessionTimeoutMs: 6_000 });
    await eventually(async () => (await ledger()).length >= 12, { what: 'every event after the restart', timeoutMs: 30_000 });
    const rows = await ledger();
    expect(rows.map((row) => row.eventId).sort()).toEqual([...ids].sort());
    const [{ n }] = await consumer.dataSource.query("SELECT count(*)::int AS n FROM inbox_entry WHERE outcome = 'processed'");
    expect(n).toBe(12);
    rmSync(marker, { force: true });
  });
});
