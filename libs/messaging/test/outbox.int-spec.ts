import { decodeEnvelope } from '@work-permit/contracts';
import { createTestDatabase, createTestTopic, eventually, readTopic, testKafka, testKafkaBrokers } from '@work-permit/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LedgerEntry, submitCase, TestCase } from './fixtures/ledger';
import { startTestApp, type TestApp } from './fixtures/messaging-test-app';

const run = promisify(execFile);
const workspaceRoot = join(__dirname, '../../..');
const kafka = testKafka();

describe('transactional outbox', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let topic: string;
  let app: TestApp | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('outbox');
    topic = await createTestTopic(kafka, 'outbox');
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await database.drop();
  });

  it('publishes nothing when the use case rolls back', async () => {
    app = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `g-${randomUUID()}` });
    const rolledBack = randomUUID();
    await expect(submitCase(app.unitOfWork, topic, { caseId: rolledBack, failAfterPublish: true })).rejects.toThrow('failed after publishing');
    const committed = randomUUID();
    await submitCase(app.unitOfWork, topic, { caseId: committed });

    // The committed case's event is on the topic; the rolled-back one's is nowhere.
    const messages = await readTopic(kafka, topic, { count: 2, timeoutMs: 5_000 });
    expect(messages.map((m) => decodeEnvelope(m.value!).caseId)).toEqual([committed]);
    expect(await app.dataSource.getRepository(TestCase).findBy({ caseId: rolledBack })).toHaveLength(0);
    expect(await app.dataSource.query('SELECT count(*)::int AS n FROM outbox_message')).toEqual([{ n: 0 }]);
  });

  it('publishes after a restart what a killed process committed, and the consumer applies it once', async () => {
    // The schema exists before the child runs, as it would for a service that had started before.
    app = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `g-${randomUUID()}`, relay: false, consume: false });
    await app.close();
    app = undefined;

    const caseId = randomUUID();
    const child = run(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'fixtures/commit-then-die.ts'), database.url, topic, caseId], {
      cwd: workspaceRoot,
      env: { ...process.env, SWC_NODE_PROJECT: join(workspaceRoot, 'libs/messaging/tsconfig.json') },
    });
    const failure = await child.then(() => undefined, (error: { signal?: string; stdout?: string }) => error);
    expect(failure?.signal).toBe('SIGKILL');
    const eventId = failure!.stdout!.trim();

    app = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `g-${randomUUID()}` });
    const applied = await eventually(async () => {
      const rows = await app!.dataSource.getRepository(LedgerEntry).findBy({ caseId });
      return rows.length > 0 && rows;
    }, { what: 'the restarted service to publish and consume the event' });
    expect(applied.map((r) => r.eventId)).toEqual([eventId]);

    // Give a duplicate every chance to show up, then check there is exactly one effect and one message.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await app.dataSource.getRepository(LedgerEntry).countBy({ caseId })).toBe(1);
    const onTopic = await readTopic(kafka, topic, { count: 2, timeoutMs: 3_000 });
    expect(onTopic.map((m) => decodeEnvelope(m.value!).eventId)).toEqual([eventId]);
  });

  it('keeps a large payload as it is, out of line: compressing what is mostly a PDF already compressed cost more than it saved', async () => {
    app = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `g-${randomUUID()}`, relay: false, consume: false });
    // 64 KB that pglz would shrink to almost nothing: kept as it is all the same.
    const payload = Buffer.alloc(64 * 1024, 'repetitive ');
    await app.dataSource.query('INSERT INTO outbox_message (event_id, event_type, topic, message_key, payload, headers) VALUES ($1, $2, $3, $4, $5, $6)', [randomUUID(), 'test.large', topic, 'k', payload, {}]);
    const [stored] = (await app.dataSource.query('SELECT pg_column_compression(payload) AS compression, octet_length(payload) AS length FROM outbox_message')) as { compression: string | null; length: number }[];
    expect(stored).toEqual({ compression: null, length: payload.length });
  });
});
