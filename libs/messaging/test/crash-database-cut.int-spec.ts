import { createTestDatabase, createTestTopic, eventually, testDatabaseServerUrl, testKafka, testKafkaBrokers } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { consumedTotal } from './fixtures/crash-helpers';
import { startTestApp, type TestApp } from './fixtures/messaging-test-app';
import { committedCaseIds, ledgerCounts, SteadyLoad, watchConsumerCrashes } from './fixtures/steady-load';

const kafka = testKafka();

const CUTS = 3;
const BETWEEN_CUTS_MS = 300;

/**
 * Issue 16, case 6: PostgreSQL restarted under load, as one service sees it — every connection of its
 * database cut (`pg_terminate_backend`, SQLSTATE 57P01 on the next statement), three times a few hundred
 * milliseconds apart, while the service commits cases with their events through the outbox, its relay
 * publishes them and its consumer applies them with the inbox. Nobody restarts anything: the pool opens
 * new connections, the relay retries its batch, the consumer retries the event (57P01 is transient).
 */
describe('the database connections of a service cut under load', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let topic: string;
  let app: TestApp | undefined;
  let load: SteadyLoad | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('crash_db_cut');
    topic = await createTestTopic(kafka, 'crash-db-cut');
  });

  afterEach(async () => {
    await load?.stop();
    load = undefined;
    await app?.close();
    app = undefined;
    await database.drop();
  });

  /** Terminates every backend of the service's database; how many there were. */
  const cutConnections = async (): Promise<number> => {
    const admin = new Client({ connectionString: testDatabaseServerUrl() });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ terminated: boolean }>(
        'SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database.name],
      );
      return rows.filter((row) => row.terminated).length;
    } finally {
      await admin.end();
    }
  };

  it('recovers by itself: every case committed before, between and after the cuts applied once, the outbox drained', async () => {
    app = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId: `g-${randomUUID()}` });
    const crashes = watchConsumerCrashes(app);
    load = new SteadyLoad(app, topic, 20);

    // Under way: the first cases applied.
    await eventually(async () => (await ledgerCounts(database.url)).applied >= 20, { what: 'the first cases to be applied', timeoutMs: 20_000 });

    load.enter('during');
    const terminated: number[] = [];
    for (let cut = 0; cut < CUTS; cut += 1) {
      if (cut > 0) await new Promise((resolve) => setTimeout(resolve, BETWEEN_CUTS_MS));
      terminated.push(await cutConnections());
    }
    // Each cut found connections of the service to end.
    expect(terminated.every((count) => count > 0)).toBe(true);

    // The service commits again by itself, and what it commits now is applied too.
    load.enter('after');
    const afterCuts = load;
    await eventually(async () => (afterCuts.committed.get('after')?.length ?? 0) >= 20, { what: 'cases to commit again after the cuts', timeoutMs: 20_000 });
    await load.stop();

    const counts = await eventually(
      async () => {
        const current = await ledgerCounts(database.url);
        return current.lost === 0 && current.backlog === 0 && current;
      },
      { what: 'every committed case to be applied and the outbox to drain', timeoutMs: 30_000 },
    );

    // Every case the use case saw commit is in the database (a refused one may have committed too: the
    // count is the database's), and each committed case was applied exactly once.
    const inDatabase = await committedCaseIds(database.url);
    const seenCommitted = [...load.committed.values()].flat();
    expect(seenCommitted.filter((caseId) => !inDatabase.has(caseId))).toEqual([]);
    expect(counts.submitted).toBeGreaterThanOrEqual(seenCommitted.length);
    expect(counts).toEqual({ submitted: counts.submitted, applied: counts.submitted, lost: 0, appliedTwice: 0, appliedUnknown: 0, backlog: 0 });
    // Every event met by the consumer: the applied ones once as processed (a redelivery or a retried
    // commit that had gone through is a duplicate, never a second effect), none dead-lettered.
    expect(await consumedTotal(app, 'processed')).toBe(counts.submitted);
    expect(await consumedTotal(app, 'dead_lettered')).toBe(0);
    // The kafkajs consumer never had to restart for it (the database is not the broker).
    expect(crashes).toEqual([]);

    process.stdout.write(
      `crash-database-cut: ${CUTS} cuts ending ${terminated.join('/')} connections; submitted ${counts.submitted} ` +
        `(${load.committed.get('before')?.length ?? 0} before, ${load.committed.get('during')?.length ?? 0} during, ${load.committed.get('after')?.length ?? 0} after; ` +
        `${load.refused.length} refused by the cut), applied ${counts.applied}, applied twice ${counts.appliedTwice}, ` +
        `met as duplicates ${await consumedTotal(app, 'duplicate')}, retried ${await consumedTotal(app, 'retried')}\n`,
    );
  }, 90_000);
});
