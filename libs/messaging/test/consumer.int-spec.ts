import { deadLetterTopicOfGroup, decodeEnvelope, Events } from '@work-permit/contracts';
import { MetricsRegistry } from '@work-permit/observability';
import { createTestDatabase, createTestTopic, eventually, readTopic, testKafka, testKafkaBrokers } from '@work-permit/testing';
import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { KafkaBatchServer } from '../src/consumer/kafka-batch.server';
import { DeadLetterHeaders } from '../src/dead-letters/dead-letter-records';
import { LedgerEntry, submitCase } from './fixtures/ledger';
import { startTestApp, type TestApp } from './fixtures/messaging-test-app';

const kafka = testKafka();

describe('consuming with the inbox and the dead-letter topic', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let topic: string;
  let groupId: string;
  let app: TestApp;

  beforeEach(async () => {
    database = await createTestDatabase('consumer');
    topic = await createTestTopic(kafka, 'consumer');
    groupId = `g-${randomUUID()}`;
    app = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  const ledgerFor = (caseId: string) => app.dataSource.getRepository(LedgerEntry).find({ where: { caseId }, order: { seq: 'ASC' } });

  it('applies the same event delivered twice only once', async () => {
    const caseId = randomUUID();
    await submitCase(app.unitOfWork, topic, { caseId, seq: 1 });
    const [original] = await readTopic(kafka, topic, { count: 1 });

    // Deliver the identical message again, as a relay that crashed before deleting its row would.
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: original.key, value: original.value, headers: original.headers }] });
    await producer.disconnect();
    const marker = randomUUID();
    await submitCase(app.unitOfWork, topic, { caseId: marker, seq: 1 });
    await eventually(async () => (await ledgerFor(marker)).length === 1, { what: 'a later event to be applied' });

    const rows = await ledgerFor(caseId);
    expect(rows).toHaveLength(1);
    expect(rows[0].eventId).toBe(decodeEnvelope(original.value!).eventId);
    const [{ outcome }] = await app.dataSource.query('SELECT outcome FROM inbox_entry WHERE event_id = $1', [rows[0].eventId]);
    expect(outcome).toBe('processed');
  });

  it('commits the offsets of many batches together, once a second, and the last ones when the bus falls quiet', async () => {
    const consumer = (app.app.get(KafkaBatchServer, { strict: false }) as KafkaBatchServer).unwrap<Consumer>();
    let offsetCommits = 0;
    consumer.on(consumer.events.COMMIT_OFFSETS, () => {
      offsetCommits += 1;
    });
    const started = Date.now();
    // One case at a time, each applied before the next is published: a batch each.
    for (let seq = 1; seq <= 12; seq += 1) {
      const caseId = randomUUID();
      await submitCase(app.unitOfWork, topic, { caseId, seq });
      await eventually(async () => (await ledgerFor(caseId)).length === 1, { what: `case ${seq} applied` });
    }
    const seconds = (Date.now() - started) / 1_000;
    // One commit per batch would be 12; one a second is at most this many.
    expect(offsetCommits).toBeLessThanOrEqual(Math.ceil(seconds) + 1);

    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      await eventually(
        async () => {
          const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
          return ends.every((end) => partitions.find((p) => p.partition === end.partition)?.offset === end.offset);
        },
        { what: "the group's committed offsets at the topic's end" },
      );
    } finally {
      await admin.disconnect();
    }
  });

  it('acknowledges an event its handler declares irrelevant without a transaction, an inbox row or the handler', async () => {
    const caseId = randomUUID();
    const skippedId = await submitCase(app.unitOfWork, topic, { caseId, seq: 1, behaviour: 'irrelevant' });
    await submitCase(app.unitOfWork, topic, { caseId, seq: 2 });
    await eventually(async () => (await ledgerFor(caseId)).length === 1, { what: 'the relevant event after the irrelevant one' });

    expect((await ledgerFor(caseId)).map((r) => r.seq)).toEqual([2]);
    expect(await app.dataSource.query('SELECT event_id FROM inbox_entry WHERE event_id = $1', [skippedId])).toEqual([]);
    const metrics = await app.app.get(MetricsRegistry).metrics();
    expect(metrics).toMatch(new RegExp(`messaging_messages_consumed_total\\{topic="${topic.replace(/\./g, '\\.')}",type="portal.case.submitted",outcome="ignored".*\\} 1`));
  });

  it("parks a poison message on the consumer group's dead-letter topic with its reason and keeps processing the partition", async () => {
    const caseId = randomUUID();
    // Same case id, so all three land on one partition, in this order.
    await submitCase(app.unitOfWork, topic, { caseId, seq: 1 });
    const poisonId = await submitCase(app.unitOfWork, topic, { caseId, seq: 2, behaviour: 'poison' });
    await submitCase(app.unitOfWork, topic, { caseId, seq: 3 });
    await eventually(async () => (await app.dataSource.query('SELECT count(*)::int AS n FROM outbox_message'))[0].n === 0, {
      what: 'the relay to publish the first three events',
    });
    // Then bytes that are not an envelope at all, after them on the same partition.
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: caseId, value: Buffer.from('not protobuf \u0000\u00ff') }] });
    await producer.disconnect();
    await submitCase(app.unitOfWork, topic, { caseId, seq: 4 });

    await eventually(async () => (await ledgerFor(caseId)).length === 3, { what: 'the messages after the poison ones' });
    expect((await ledgerFor(caseId)).map((r) => r.seq)).toEqual([1, 3, 4]);

    const parked = await readTopic(kafka, deadLetterTopicOfGroup(groupId), { count: 2 });
    expect(parked).toHaveLength(2);
    const [poison, garbage] = parked;
    expect(decodeEnvelope(poison.value!).eventId).toBe(poisonId);
    expect(poison.headers?.[DeadLetterHeaders.errorCode]?.toString()).toBe('invalid_payload');
    expect(poison.headers?.[DeadLetterHeaders.reason]?.toString()).toBe('this case cannot be handled');
    expect(poison.headers?.[DeadLetterHeaders.sourceTopic]?.toString()).toBe(topic);
    expect(poison.headers?.[DeadLetterHeaders.consumerGroup]?.toString()).toBe(groupId);
    expect(poison.headers?.[DeadLetterHeaders.eventType]?.toString()).toBe(Events.CaseSubmitted.type);
    expect(poison.headers?.[DeadLetterHeaders.eventId]?.toString()).toBe(poisonId);
    expect(poison.headers?.['event-type']?.toString()).toBe(Events.CaseSubmitted.type);
    // Nothing on the source topic's own dead-letter topic any more: the group that failed writes its own.
    expect(await readTopic(kafka, `${topic}.dlq`, { count: 1, timeoutMs: 1_000 })).toHaveLength(0);
    expect(garbage.headers?.[DeadLetterHeaders.errorCode]?.toString()).toBe('undecodable');
    expect(garbage.value?.toString()).toBe('not protobuf \u0000\u00ff');
  });

  it('retries a transient failure with backoff and applies the event once', async () => {
    const caseId = randomUUID();
    await submitCase(app.unitOfWork, topic, { caseId, seq: 1, behaviour: 'flaky:3' });
    await eventually(async () => (await ledgerFor(caseId)).length === 1, { what: 'the flaky event to succeed' });
    const metrics = await app.app.get(MetricsRegistry).metrics();
    expect(metrics).toMatch(new RegExp(`messaging_messages_consumed_total\\{topic="${topic.replace(/\./g, '\\.')}",type="portal.case.submitted",outcome="retried".*\\} 3`));
    expect(await readTopic(kafka, deadLetterTopicOfGroup(groupId), { count: 1, timeoutMs: 1_000 })).toHaveLength(0);
  });

  it("handles each case's events in order while handling several cases at the same time", async () => {
    const cases = Array.from({ length: 4 }, () => randomUUID());
    // Each event takes 150 ms; four cases of five events each.
    for (let seq = 1; seq <= 5; seq += 1) {
      for (const caseId of cases) await submitCase(app.unitOfWork, topic, { caseId, seq, behaviour: 'slow:150' });
    }
    const rows = await eventually(
      async () => {
        const all = await app.dataSource.getRepository(LedgerEntry).find();
        return all.length === 20 && all;
      },
      { what: 'all twenty events', timeoutMs: 60_000 },
    );

    for (const caseId of cases) {
      const mine = rows.filter((r) => r.caseId === caseId).sort((a, b) => a.startedAt - b.startedAt);
      expect(mine.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      // Within a case, an event starts only after the previous one finished.
      for (let i = 1; i < mine.length; i += 1) expect(mine[i].startedAt).toBeGreaterThanOrEqual(mine[i - 1].finishedAt);
    }
    // Across cases, some handling overlapped in time.
    const overlapping = rows.some((a) => rows.some((b) => a.caseId !== b.caseId && a.startedAt < b.finishedAt && b.startedAt < a.finishedAt));
    expect(overlapping).toBe(true);
  });
});
