import { createTestDatabase, createTestTopic, eventually, stableGroupMembers, testKafka, testKafkaBrokers } from '@work-permit/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { consumedTotal } from './fixtures/crash-helpers';
import { submitCase } from './fixtures/ledger';
import { startTestApp, type TestApp } from './fixtures/messaging-test-app';

const kafka = testKafka();
const workspaceRoot = join(__dirname, '../../..');

const CASES = 20;
const EVENTS_PER_CASE = 15;
const TOTAL = CASES * EVENTS_PER_CASE;
/** The publisher waits at these positions of the stream until the group change named has begun, so each happens mid-stream. */
const GATES = { secondJoins: 60, firstLeaves: 120, thirdJoins: 180, thirdKilled: 240 } as const;
const SESSION_TIMEOUT_MS = 6_000;
/** Each event takes this long in its handler, so work is in flight when the group changes. */
const HANDLER_MS = 5;

/**
 * Issue 16, case 3: a consumer-group rebalance under load. Replicas of one service share its database
 * and its consumer group. A steady stream of cases' events runs while the group changes under it: one
 * replica, then a second joins (rebalance), then the first leaves gracefully (rebalance), then a third
 * (a process of its own) joins and is SIGKILLed, its partitions handed on only when its session times
 * out. Every event is applied exactly once, each case's events in their order, none left behind.
 */
describe('a consumer-group rebalance under load', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let topic: string;
  const apps: TestApp[] = [];
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('crash_rebalance');
    topic = await createTestTopic(kafka, 'crash-rebalance');
  });

  afterEach(async () => {
    child?.kill('SIGKILL');
    child = undefined;
    for (const app of apps.splice(0)) await app.close().catch(() => undefined);
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
  const applied = async () => (await query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entry'))[0].n;

  /** A replica in a process of its own (`consume-until-killed.ts`), started once it says it consumes. */
  function startReplicaProcess(groupId: string): Promise<ChildProcess> {
    return new Promise((resolve, reject) => {
      const replica = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'fixtures/consume-until-killed.ts'), database.url, testKafkaBrokers().join(','), topic, groupId], {
        cwd: workspaceRoot,
        env: { ...process.env, SWC_NODE_PROJECT: join(workspaceRoot, 'libs/messaging/tsconfig.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      replica.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('consuming')) resolve(replica);
      });
      replica.stderr.on('data', (chunk) => (output += chunk));
      replica.once('exit', (code, signal) => reject(new Error(`the replica process exited (${code ?? signal}) before consuming: ${output}`)));
    });
  }

  it('applies every event exactly once, each case in order, while replicas join, leave and are killed', async () => {
    const groupId = `g-${randomUUID()}`;
    const replica = () => startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId, relay: false, sessionTimeoutMs: SESSION_TIMEOUT_MS });
    const publisher = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `publisher-${randomUUID()}`, consume: false });
    apps.push(publisher);
    const first = await replica();
    apps.push(first);

    // The stream: case after case round-robin, each case's events numbered 1..15, at a steady pace.
    const cases = Array.from({ length: CASES }, () => randomUUID());
    const opened = new Map<number, () => void>();
    const gates = new Map<number, Promise<void>>(Object.values(GATES).map((at) => [at, new Promise<void>((resolve) => opened.set(at, resolve))]));
    const open = (at: number) => opened.get(at)!();
    const publishedAt: Record<string, number> = {};
    let published = 0;
    const ids: string[] = [];
    const stream = (async () => {
      for (let index = 0; index < TOTAL; index++) {
        await gates.get(index);
        const caseId = cases[index % CASES];
        ids.push(await submitCase(publisher.unitOfWork, topic, { caseId, seq: Math.floor(index / CASES) + 1, behaviour: `slow:${HANDLER_MS}` }));
        published = index + 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const at = (what: keyof typeof GATES) => {
      publishedAt[what] = published;
      open(GATES[what]);
    };

    // A second replica joins while the first is applying.
    await eventually(async () => published >= GATES.secondJoins / 2 && (await applied()) > 0, { what: 'the first replica to apply the start of the stream' });
    at('secondJoins');
    const second = await replica();
    apps.push(second);
    await eventually(async () => (await stableGroupMembers(kafka, groupId)) === 2 && (await consumedTotal(second, 'processed')) > 0, { what: 'the second replica to be given partitions and apply', timeoutMs: 30_000 });

    // The first leaves gracefully.
    at('firstLeaves');
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    const firstProcessed = await consumedTotal(first, 'processed');
    const firstDuplicates = await consumedTotal(first, 'duplicate');
    await eventually(async () => (await stableGroupMembers(kafka, groupId)) === 1, { what: 'the group to settle on the second replica' });

    // A third joins as a process of its own, applies, and is SIGKILLed in the middle of the stream.
    child = await startReplicaProcess(groupId);
    await eventually(async () => (await stableGroupMembers(kafka, groupId)) === 2, { what: 'the third replica to join', timeoutMs: 30_000 });
    at('thirdJoins');
    const byInProcess = async () => firstProcessed + (await consumedTotal(second, 'processed'));
    await eventually(async () => (await applied()) - (await byInProcess()) > 0, { what: 'the third replica to apply events', timeoutMs: 30_000 });
    at('thirdKilled');
    const killed = child;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => killed.once('exit', (_code, signal) => resolve(signal)));
    killed.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    child = undefined;

    // Its partitions go back to the second replica once its session times out; the stream ends.
    await stream;
    await eventually(async () => (await publisher.dataSource.query('SELECT count(*)::int AS n FROM outbox_message'))[0].n === 0, { what: 'the relay to publish every event' });
    await eventually(async () => (await applied()) >= TOTAL, { what: 'every event applied', timeoutMs: 40_000 });

    // Submitted 300, applied 300, applied twice 0, each case's 15 events in order.
    const rows = await query<{ case_id: string; event_id: string; seq: number }>('SELECT case_id, event_id, seq FROM ledger_entry ORDER BY id');
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(TOTAL);
    expect(rows.map((row) => row.event_id).sort()).toEqual([...ids].sort());
    const expectedSeqs = Array.from({ length: EVENTS_PER_CASE }, (_, index) => index + 1);
    const seqsByCase = new Map(cases.map((caseId) => [caseId, rows.filter((row) => row.case_id === caseId).map((row) => row.seq)]));
    expect(Object.fromEntries(seqsByCase)).toEqual(Object.fromEntries(cases.map((caseId) => [caseId, expectedSeqs])));
    const [{ n: inbox }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM inbox_entry WHERE consumer_group = $1 AND outcome = 'processed'", [groupId]);
    expect(inbox).toBe(TOTAL);

    // Every replica did part of the work (each group change happened mid-stream: the publisher waited at its gate).
    const secondProcessed = await consumedTotal(second, 'processed');
    const thirdApplied = TOTAL - firstProcessed - secondProcessed;
    expect({ first: firstProcessed > 0, second: secondProcessed > 0, third: thirdApplied > 0 }).toEqual({ first: true, second: true, third: true });
    // What the killed replica had applied without committing its offsets came again to the second: met as duplicates.
    const duplicates = firstDuplicates + (await consumedTotal(second, 'duplicate'));
    process.stdout.write(
      `rebalance: published ${TOTAL}, applied ${rows.length} (first ${firstProcessed}, second ${secondProcessed}, killed third ${thirdApplied}), duplicates met ${duplicates}, gates ${JSON.stringify(publishedAt)}\n`,
    );
  }, 90_000);
});
