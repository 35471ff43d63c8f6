import { createTestDatabase, createTestTopic, eventually, SecondBroker, testKafka } from '@work-permit/testing';
import type { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { consumedTotal } from './fixtures/crash-helpers';
import { startTestApp, type TestApp } from './fixtures/messaging-test-app';
import { type ConsumerCrash, ledgerCounts, SteadyLoad, watchConsumerCrashes } from './fixtures/steady-load';

/** How long the broker stays down: the 30 s unless a local run asks for less (`CRASH_BROKER_OUTAGE_MS`). */
const OUTAGE_MS = Number(process.env.CRASH_BROKER_OUTAGE_MS ?? 30_000);

/**
 * Issue 16, case 5: the broker stopped for 30 s under load and started again. The service keeps
 * committing cases with their events to its outbox while the broker is away (its use cases need only
 * the database); its relay fails and backs off, its consumer loses the group. Nobody restarts the
 * service: when the broker is back the relay drains the outbox and the consumer applies everything,
 * each event once.
 */
describe('the broker stopped under load and started again', () => {
  // A broker of this test's own (its ports unlike the health test's), so stopping it disturbs no other test.
  // Below the kernel's ephemeral ports (32768–60999), so no outgoing connection of the suite can be holding them.
  const broker = new SecondBroker(19192, 19193);
  let kafka: Kafka;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let topic: string;
  let app: TestApp | undefined;
  let load: SteadyLoad | undefined;

  beforeAll(async () => {
    await broker.reset();
    await broker.start();
    kafka = testKafka(broker.brokers);
  }, 180_000);

  afterAll(async () => {
    await broker.reset();
  }, 120_000);

  beforeEach(async () => {
    database = await createTestDatabase('crash_broker');
    topic = await createTestTopic(kafka, 'crash-broker');
  });

  afterEach(async () => {
    await load?.stop();
    load = undefined;
    await app?.close();
    app = undefined;
    await database.drop();
  }, 60_000);

  it(`decides everything committed before, during (${OUTAGE_MS} ms) and after the outage, each once; the relay drains and the consumer recovers by itself`, async () => {
    // The restarted broker reloads the group with the member it had; the consumer, which lost it, joins
    // again as a new member and the group waits for the old one's session to expire (30 s by default):
    // the broker's minimum here, so the test waits for that 6 s, not 30.
    app = await startTestApp({ databaseUrl: database.url, brokers: broker.brokers, topic, groupId: `g-${randomUUID()}`, sessionTimeoutMs: 6_000 });
    const crashes: ConsumerCrash[] = watchConsumerCrashes(app);
    load = new SteadyLoad(app, topic, 100);

    // Under way: the first cases applied.
    await eventually(async () => (await ledgerCounts(database.url)).applied >= 10, { what: 'the first cases to be applied', timeoutMs: 30_000 });

    const stopping = Date.now();
    await broker.stop();
    const stoppedAt = Date.now();
    load.enter('during');
    const appliedAtStop = (await ledgerCounts(database.url)).applied;
    // The outage itself (not an assertion): the service keeps committing meanwhile.
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const atRestart = await ledgerCounts(database.url);
    await broker.start();
    const startedAt = Date.now();
    load.enter('after');

    // While the broker was away nothing reached the consumer, and the outbox kept what was committed.
    expect(atRestart.applied).toBe(appliedAtStop);
    expect(atRestart.backlog).toBeGreaterThan(0);
    expect(load.committed.get('during')?.length ?? 0).toBeGreaterThan(0);

    // Cases committed after the restart too, then the load stops and everything drains.
    const current = load;
    await eventually(async () => (current.committed.get('after')?.length ?? 0) >= 10, { what: 'cases committed after the restart', timeoutMs: 10_000 });
    await load.stop();

    const counts = await eventually(
      async () => {
        const now = await ledgerCounts(database.url);
        return now.lost === 0 && now.backlog === 0 && now;
      },
      { what: 'every committed case to be applied and the outbox to drain', timeoutMs: 90_000, intervalMs: 250 },
    );

    const drainedAt = Date.now();
    // Submitted = applied, none twice, nothing refused (the database was up throughout).
    const committed = load.committedCount;
    expect(load.refused).toEqual([]);
    expect(counts).toEqual({ submitted: committed, applied: committed, lost: 0, appliedTwice: 0, appliedUnknown: 0, backlog: 0 });
    expect(await consumedTotal(app, 'processed')).toBe(committed);
    expect(await consumedTotal(app, 'dead_lettered')).toBe(0);
    // If the kafkajs consumer crashed while the broker was away, it restarted itself (and, from the
    // counts above, it applied what came after).
    expect(crashes.filter((crash) => !crash.restart)).toEqual([]);

    process.stdout.write(
      `crash-broker-outage: broker stopping ${stoppedAt - stopping} ms, down ${OUTAGE_MS} ms, starting ${startedAt - stoppedAt - OUTAGE_MS} ms, ` +
        `everything applied ${drainedAt - startedAt} ms after its start; submitted ${committed} (${load.committed.get('before')?.length ?? 0} before, ` +
        `${load.committed.get('during')?.length ?? 0} during, ${load.committed.get('after')?.length ?? 0} after); outbox backlog at restart ${atRestart.backlog}; ` +
        `applied ${counts.applied}, applied twice ${counts.appliedTwice}, met as duplicates ${await consumedTotal(app, 'duplicate')}; ` +
        `consumer crashes ${crashes.length} (${crashes.map((crash) => crash.error).join('; ')})\n`,
    );
  }, 240_000);
});
