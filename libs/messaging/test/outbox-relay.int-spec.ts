import { decodeEnvelope } from '@work-permit/contracts';
import { MetricsRegistry } from '@work-permit/observability';
import { createTestDatabase, createTestTopic, eventually, readTopic, testKafka, testKafkaBrokers } from '@work-permit/testing';
import { type Producer, Partitioners } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createKafka, DEFAULT_OUTBOX_OPTIONS, MessagingMetrics, OutboxRelay } from '../src';
import { RELAY_LOCK_KEY } from '../src/outbox/outbox.relay';
import { submitCase } from './fixtures/ledger';
import { startTestApp, type TestApp } from './fixtures/messaging-test-app';

const kafka = testKafka();

/** The relay on its own: what it takes from the outbox, in what order, and what it leaves when it cannot publish. */
describe('the outbox relay', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let topic: string;
  let app: TestApp;
  let producer: Producer;

  beforeEach(async () => {
    database = await createTestDatabase('relay');
    // One partition: the order on the topic is the order the relay sent.
    topic = await createTestTopic(kafka, 'relay', 1);
    app = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `g-${randomUUID()}`, relay: false, consume: false });
    producer = createKafka(`relay-${randomUUID()}`, testKafkaBrokers()).producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterEach(async () => {
    await producer.disconnect();
    await app.close();
    await database.drop();
  });

  const relayWith = (sending: Producer, batchSize: number, { dataSource = app.dataSource, pollIntervalMs = 50 } = {}) =>
    new OutboxRelay(dataSource, sending, new MessagingMetrics(new MetricsRegistry(`relay-${randomUUID()}`, { defaultMetrics: false })), {
      enabled: true,
      pollIntervalMs,
      batchSize,
      batchMaxBytes: DEFAULT_OUTBOX_OPTIONS.batchMaxBytes,
    });

  /** How many events each turn of `relay` published, until one found nothing. */
  async function turnsOf(relay: OutboxRelay): Promise<number[]> {
    const turns: number[] = [];
    for (let published = await relay.publishPending(); published > 0; published = await relay.publishPending()) turns.push(published);
    return turns;
  }

  /** Outbox rows of `sizes` payload bytes each, in that order, for this test's topic, all of one key; each names its place in a `test-index` header. */
  async function writeLargeEvents(sizes: number[]): Promise<void> {
    for (const [index, size] of sizes.entries()) {
      await app.dataSource.query(
        `INSERT INTO outbox_message (event_id, event_type, topic, message_key, payload, headers) VALUES ($1, 'test.large.v1', $2, 'one-case', $3, $4)`,
        [randomUUID(), topic, randomBytes(size), { 'event-type': 'test.large.v1', 'test-index': String(index) }],
      );
    }
  }

  const waiting = async () => ((await app.dataSource.query('SELECT count(*)::int AS n FROM outbox_message')) as { n: number }[])[0].n;

  async function commitEvents(count: number): Promise<string[]> {
    const eventIds: string[] = [];
    for (let i = 0; i < count; i += 1) eventIds.push(await submitCase(app.unitOfWork, topic, { caseId: randomUUID(), seq: i }));
    return eventIds;
  }

  it('publishes in commit order, a batch at a time, and leaves nothing behind', async () => {
    const committed = await commitEvents(17);
    expect(await turnsOf(relayWith(producer, 5))).toEqual([5, 5, 5, 2]);
    expect(await waiting()).toBe(0);
    const onTopic = await readTopic(kafka, topic, { count: 17, timeoutMs: 10_000 });
    expect(onTopic.map((message) => decodeEnvelope(message.value!).eventId)).toEqual(committed);
  });

  it('sends a backlog larger than the broker takes at once in turns of at most batchMaxBytes, in order', async () => {
    // 2.4 MB for one partition: sent as one batch, the broker refuses it (max.message.bytes, 1 MiB) at every retry.
    await writeLargeEvents(Array.from({ length: 24 }, () => 100_000));
    expect(await turnsOf(relayWith(producer, 500))).toEqual([5, 5, 5, 5, 4]);
    expect(await waiting()).toBe(0);
    const onTopic = await readTopic(kafka, topic, { count: 24, timeoutMs: 20_000 });
    expect(onTopic.map((message) => message.headers?.['test-index']?.toString())).toEqual(Array.from({ length: 24 }, (_, index) => String(index)));
  });

  it('sends an event larger than batchMaxBytes on its own', async () => {
    await writeLargeEvents([600_000, 300_000, 100_000]);
    expect(await turnsOf(relayWith(producer, 500))).toEqual([1, 2]);
  });

  it('takes the next turn at once when the last was cut short, not at the next poll', async () => {
    await writeLargeEvents(Array.from({ length: 12 }, () => 100_000));
    // A poll a minute: only turns taken one after the other empty the outbox before the test's deadline.
    const relay = relayWith(producer, 500, { pollIntervalMs: 60_000 });
    try {
      relay.start();
      await eventually(async () => (await waiting()) === 0, { what: 'the relay to send every turn of the backlog', timeoutMs: 20_000 });
    } finally {
      await relay.stop();
    }
  });

  it('takes nothing while another relay of the same database holds the turn', async () => {
    await commitEvents(3);
    const relay = relayWith(producer, 500);
    const other = app.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]);
      expect(await relay.publishPending()).toBe(0);
      expect(await waiting()).toBe(3);
      await other.commitTransaction();
    } finally {
      await other.release();
    }
    expect(await relay.publishPending()).toBe(3);
    expect(await waiting()).toBe(0);
  });

  it('polls with one statement while idle, and publishes on its next poll what another process committed', async () => {
    const statements: string[] = [];
    const counted = await new DataSource({
      type: 'postgres',
      url: database.url,
      logging: ['query'],
      logger: { logQuery: (query: string) => statements.push(query), logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined },
    }).initialize();
    const relay = relayWith(producer, 500, { dataSource: counted, pollIntervalMs: 20 });
    // What the data source asked on connecting is not the relay's.
    statements.length = 0;
    try {
      relay.start();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(statements.length).toBeGreaterThanOrEqual(5);
      expect(new Set(statements)).toEqual(new Set(['SELECT EXISTS (SELECT 1 FROM outbox_message) AS pending']));
      // Committed by the test app's unit of work, which nudges its own relay, not this one.
      const [eventId] = await commitEvents(1);
      await eventually(async () => (await waiting()) === 0, { what: 'the idle relay to publish on its next poll', timeoutMs: 5_000 });
      const [message] = await readTopic(kafka, topic, { count: 1, timeoutMs: 10_000 });
      expect(decodeEnvelope(message.value!).eventId).toBe(eventId);
    } finally {
      await relay.stop();
      await counted.destroy();
    }
  });

  it('keeps the events when the broker does not take them, and publishes them on the next turn', async () => {
    const committed = await commitEvents(4);
    const refusing: Producer = { ...producer, sendBatch: () => Promise.reject(new Error('the broker is away')) };
    await expect(relayWith(refusing, 500).publishPending()).rejects.toThrow('the broker is away');
    expect(await waiting()).toBe(4);
    expect(await relayWith(producer, 500).publishPending()).toBe(4);
    const onTopic = await readTopic(kafka, topic, { count: 4, timeoutMs: 10_000 });
    expect(onTopic.map((message) => decodeEnvelope(message.value!).eventId)).toEqual(committed);
  });
});
