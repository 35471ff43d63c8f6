import { decodeEnvelope } from '@work-permit/contracts';
import { createTestDatabase, createTestTopic, eventually, readTopic, testKafka, testKafkaBrokers } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { consumedTotal, runFixture } from './fixtures/crash-helpers';
import { LedgerEntry, submitCase } from './fixtures/ledger';
import { startTestApp, type TestApp } from './fixtures/messaging-test-app';

const kafka = testKafka();

/**
 * Issue 16, case 2: a service SIGKILLed after the relay's send was acknowledged and before its
 * transaction deleted the outbox rows. The restarted relay publishes the same events again; the
 * consumer sees every one twice and applies it once.
 */
describe('a relay killed after its send, before it deletes the outbox rows', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let topic: string;
  let app: TestApp | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('crash_relay');
    topic = await createTestTopic(kafka, 'crash-relay');
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await database.drop();
  });

  const outboxEventIds = async (): Promise<string[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<{ event_id: string }>('SELECT event_id FROM outbox_message ORDER BY sequence')).rows.map((row) => row.event_id);
    } finally {
      await client.end();
    }
  };

  it('publishes the events again after the restart, and the consumer applies each once', async () => {
    // Ten cases committed with their events, nothing published yet.
    app = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `g-${randomUUID()}`, relay: false, consume: false });
    const ids: string[] = [];
    for (let index = 0; index < 10; index += 1) ids.push(await submitCase(app.unitOfWork, topic, { caseId: randomUUID(), seq: 1 }));
    await app.close();
    app = undefined;

    const exit = await runFixture('relay-then-die-before-delete.ts', [database.url, testKafkaBrokers().join(',')]);
    expect({ signal: exit.signal, output: exit.signal === 'SIGKILL' ? '' : exit.output }).toEqual({ signal: 'SIGKILL', output: '' });
    // Sent and acknowledged, and still in the outbox.
    expect(await outboxEventIds()).toEqual(ids);
    const sent = await readTopic(kafka, topic, { count: 10, timeoutMs: 10_000 });
    expect(sent.map((message) => decodeEnvelope(message.value!).eventId).sort()).toEqual([...ids].sort());

    // The service starts again: its relay publishes the ten again, its consumer meets twenty messages.
    app = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `g-${randomUUID()}` });
    const current = app;
    await eventually(async () => (await consumedTotal(current, 'processed')) + (await consumedTotal(current, 'duplicate')) >= 20, {
      what: 'the consumer to meet every message, the republished ones included',
    });
    expect(await outboxEventIds()).toEqual([]);

    // Submitted 10, on the topic 20 (each twice), applied 10, applied twice 0.
    const onTopic = await readTopic(kafka, topic, { count: 21, timeoutMs: 3_000 });
    const timesSent = new Map<string, number>();
    for (const message of onTopic) timesSent.set(decodeEnvelope(message.value!).eventId, (timesSent.get(decodeEnvelope(message.value!).eventId) ?? 0) + 1);
    expect(Object.fromEntries(timesSent)).toEqual(Object.fromEntries(ids.map((id) => [id, 2])));
    const rows = await app.dataSource.getRepository(LedgerEntry).find();
    expect(rows.map((row) => row.eventId).sort()).toEqual([...ids].sort());
    expect({ processed: await consumedTotal(app, 'processed'), duplicates: await consumedTotal(app, 'duplicate') }).toEqual({ processed: 10, duplicates: 10 });
  });
});
