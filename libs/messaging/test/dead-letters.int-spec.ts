import { deadLetterTopicOfGroup, Events } from '@work-permit/contracts';
import { MetricsRegistry } from '@work-permit/observability';
import { createTestDatabase, createTestTopic, eventually, readTopic, testKafka, testKafkaBrokers } from '@work-permit/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type DeadLetter, deadLettersAt } from '../src';
import { attemptsOf, LedgerEntry, submitCase } from './fixtures/ledger';
import { startTestApp, type TestApp } from './fixtures/messaging-test-app';

const kafka = testKafka();
const workspaceRoot = join(__dirname, '../../..');

/**
 * Dead letters end to end: a group's failures land on its own `<group>.dlq`; an operator lists them,
 * shows one, discards one with a reason, or replays one after a fix — applied by the group's consumer
 * exactly once, however often it is replayed.
 */
describe("a consumer group's dead letters", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let topic: string;
  let groupId: string;
  let app: TestApp;
  const deadLetters = deadLettersAt('dead-letters-test', testKafkaBrokers(), { idleTimeoutMs: 10_000 });

  beforeEach(async () => {
    database = await createTestDatabase('dead_letters');
    topic = await createTestTopic(kafka, 'dead-letters');
    groupId = `g-${randomUUID()}`;
    app = await startTestApp({ databaseUrl: database.url, brokers: testKafkaBrokers(), topic, groupId });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  const ledgerFor = (caseId: string) => app.dataSource.getRepository(LedgerEntry).find({ where: { caseId }, order: { seq: 'ASC' } });
  const inboxOutcome = async (eventId: string) => ((await app.dataSource.query('SELECT outcome FROM inbox_entry WHERE event_id = $1', [eventId])) as { outcome: string }[])[0]?.outcome;
  const metrics = () => app.app.get(MetricsRegistry).metrics();
  const waiting = async () => Number(new RegExp(`messaging_dead_letters_waiting_messages\\{group="${groupId}"\\} (-?\\d+)`).exec(await metrics())?.[1]);
  const listed = (count: number) => eventually(async () => ((await deadLetters.list(groupId)).length >= count ? deadLetters.list(groupId) : undefined), { what: `${count} dead letter(s)` });

  /** Until the group's consumer has read its dead-letter topic to the end (so every replay record was acted on). */
  async function consumerCaughtUpWithItsDeadLetters(): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const dlq = deadLetterTopicOfGroup(groupId);
      await eventually(
        async () => {
          const ends = await admin.fetchTopicOffsets(dlq);
          const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [dlq] });
          return ends.every(({ partition, high }) => high === '0' || partitions.find((p) => p.partition === partition)?.offset === high);
        },
        { what: 'the consumer to read its dead-letter topic to the end' },
      );
    } finally {
      await admin.disconnect();
    }
  }

  it("parks a poison event on the group's dead-letter topic, lists it with its fields, and keeps the reason of its discard", async () => {
    const caseId = randomUUID();
    await submitCase(app.unitOfWork, topic, { caseId, seq: 1 });
    const poisonId = await submitCase(app.unitOfWork, topic, { caseId, seq: 2, behaviour: 'poison' });
    await submitCase(app.unitOfWork, topic, { caseId, seq: 3 });
    await eventually(async () => (await ledgerFor(caseId)).length === 2, { what: 'the events around the poison one' });
    expect((await ledgerFor(caseId)).map((row) => row.seq)).toEqual([1, 3]);
    expect(await readTopic(kafka, `${topic}.dlq`, { count: 1, timeoutMs: 1_000 })).toHaveLength(0);

    const [deadLetter] = await listed(1);
    expect(deadLetter).toMatchObject({
      consumerGroup: groupId,
      key: caseId,
      eventType: Events.CaseSubmitted.type,
      eventId: poisonId,
      code: 'invalid_payload',
      reason: 'this case cannot be handled',
      source: { topic },
      status: 'waiting',
      resolutions: [],
    });
    expect(deadLetter.id).toMatch(/^\d+:\d+$/);
    expect(Date.parse(deadLetter.failedAt)).not.toBeNaN();
    expect(await inboxOutcome(poisonId)).toBe('dead_lettered');
    expect(await waiting()).toBe(1);

    const shown = await deadLetters.show(groupId, deadLetter.id);
    expect(shown.event).toMatchObject({ eventId: poisonId, type: Events.CaseSubmitted.type, caseId, payload: { caseId, applicantId: 'poison' } });

    expect(await deadLetters.discard(groupId, [deadLetter.id], 'the applicant withdrew; nothing to apply', 'alice')).toEqual([
      expect.objectContaining({ id: deadLetter.id, outcome: 'written' }),
    ]);
    const [discarded] = await deadLetters.list(groupId);
    expect(discarded.status).toBe('discarded');
    expect(discarded.resolutions).toEqual([expect.objectContaining({ resolution: 'discard', actor: 'alice', reason: 'the applicant withdrew; nothing to apply' })]);
    // The consumer reads the discard too: the dead letter no longer waits.
    await eventually(async () => (await waiting()) === 0, { what: 'the waiting dead letters to drop to 0' });
    expect(await inboxOutcome(poisonId)).toBe('discarded');
    // Resolved once is resolved: a second discard is refused.
    expect(await deadLetters.discard(groupId, [deadLetter.id], 'again', 'alice')).toEqual([{ id: deadLetter.id, outcome: 'already_resolved', status: 'discarded' }]);
  });

  it('applies a dead letter replayed after the fix exactly once, however often it is replayed; a replay before the fix fails again', async () => {
    const caseId = randomUUID();
    await app.dataSource.query('INSERT INTO test_breakage (case_id) VALUES ($1)', [caseId]);
    const eventId = await submitCase(app.unitOfWork, topic, { caseId, seq: 1, behaviour: 'broken-until-fixed' });
    const [first] = await listed(1);
    expect(first).toMatchObject({ eventId, code: 'still_broken', status: 'waiting' });

    // Replayed before the fix: it fails again and comes back as a new dead letter of the same source.
    await deadLetters.replay(groupId, [first.id], 'alice');
    const afterFirstReplay = await listed(2);
    const again = afterFirstReplay.find((d) => d.id !== first.id)!;
    expect(again).toMatchObject({ eventId, replayOf: first.id, source: first.source, status: 'waiting', code: 'still_broken' });
    expect(afterFirstReplay.find((d) => d.id === first.id)).toMatchObject({ status: 'replayed', failedAgainAs: [again.id] });
    expect(await ledgerFor(caseId)).toHaveLength(0);
    expect(await waiting()).toBe(1);

    // Fixed, then replayed twice (a second replay record, as an operator repeating it would write).
    await app.dataSource.query('DELETE FROM test_breakage WHERE case_id = $1', [caseId]);
    expect(await deadLetters.replay(groupId, [again.id], 'bob')).toEqual([expect.objectContaining({ outcome: 'written' })]);
    expect(await deadLetters.replay(groupId, [again.id], 'bob')).toEqual([{ id: again.id, outcome: 'already_resolved', status: 'replayed' }]);
    expect(await deadLetters.replay(groupId, [again.id], 'bob', { force: true })).toEqual([expect.objectContaining({ outcome: 'written' })]);
    await eventually(async () => (await ledgerFor(caseId)).length === 1, { what: 'the replayed event to be applied' });
    await consumerCaughtUpWithItsDeadLetters();

    expect(await ledgerFor(caseId)).toHaveLength(1);
    expect(await inboxOutcome(eventId)).toBe('processed');
    expect(await waiting()).toBe(0);
    const final = await deadLetters.list(groupId);
    expect(final).toHaveLength(2);
    expect(final.find((d) => d.id === again.id)).toMatchObject({ status: 'replayed', failedAgainAs: [] });
    expect(final.find((d) => d.id === again.id)!.resolutions.map((r) => [r.resolution, r.actor])).toEqual([
      ['replay', 'bob'],
      ['replay', 'bob'],
    ]);
    // And the source's own events keep flowing.
    const next = randomUUID();
    await submitCase(app.unitOfWork, topic, { caseId: next, seq: 1 });
    await eventually(async () => (await ledgerFor(next)).length === 1, { what: 'a later event' });
  });

  it('retries an unknown error a few times before dead-lettering it, and applies one that stops failing in time', async () => {
    const caseId = randomUUID();
    const bugId = await submitCase(app.unitOfWork, topic, { caseId, seq: 1, behaviour: 'bug' });
    const [deadLetter] = await listed(1);
    expect(deadLetter).toMatchObject({ eventId: bugId, code: 'TypeError', reason: expect.stringContaining("reading 'items'") });
    // DEFAULT_RETRY_POLICY.unknownErrorAttempts: 3 attempts, then dead-lettered.
    expect(attemptsOf(bugId)).toBe(3);

    const healed = randomUUID();
    const healedId = await submitCase(app.unitOfWork, topic, { caseId: healed, seq: 1, behaviour: 'bug-times:2' });
    await eventually(async () => (await ledgerFor(healed)).length === 1, { what: 'the event that failed twice' });
    expect(attemptsOf(healedId)).toBe(3);
    expect(await deadLetters.list(groupId)).toHaveLength(1);
  });

  it('never dead-letters a transient failure: the partition pauses and retries', async () => {
    const caseId = randomUUID();
    await submitCase(app.unitOfWork, topic, { caseId, seq: 1, behaviour: 'flaky:1000000' });
    // More attempts than retry.maxAttempts (5): it was paused and resumed, not parked.
    const retried = () => metrics().then((text) => Number(/messaging_messages_consumed_total\{[^}]*outcome="retried"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0));
    await eventually(async () => (await retried()) > 8, { what: 'the transient failure to be retried past one round of attempts', timeoutMs: 20_000 });
    expect(await deadLetters.list(groupId)).toEqual([]);
    expect(await ledgerFor(caseId)).toHaveLength(0);
    expect(await waiting()).toBe(0);
  });

  it('is operated from the command line: list, show, discard, with meaningful exit codes', async () => {
    const caseId = randomUUID();
    const poisonId = await submitCase(app.unitOfWork, topic, { caseId, seq: 1, behaviour: 'poison' });
    await listed(1);

    const list = await dlq('list', '--group', groupId, '--json');
    expect(list.code).toBe(0);
    const { deadLetters: rows } = JSON.parse(list.stdout) as { deadLetters: DeadLetter[] };
    expect(rows).toEqual([expect.objectContaining({ key: caseId, eventId: poisonId, code: 'invalid_payload', status: 'waiting', source: expect.objectContaining({ topic }) })]);
    const id = rows[0].id;

    const show = await dlq('show', '--group', groupId, '--id', id, '--json');
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ id, masked: true, event: { eventId: poisonId, caseId, payload: { caseId } } });

    const table = await dlq('list', '--group', groupId);
    expect(table.stdout).toContain(id);
    expect(table.stdout).toContain('invalid_payload');
    expect(table.stdout).toContain('1 waiting');

    const discard = await dlq('discard', '--group', groupId, '--id', id, '--reason', 'test data', '--actor', 'ci', '--json');
    expect({ code: discard.code, outcomes: JSON.parse(discard.stdout).outcomes }).toEqual({ code: 0, outcomes: [expect.objectContaining({ id, outcome: 'written' })] });
    expect((await dlq('discard', '--group', groupId, '--id', id, '--reason', 'again', '--actor', 'ci')).code).toBe(1);
    expect((await dlq('show', '--group', groupId, '--id', '9:999999')).code).toBe(1);
    expect((await dlq('replay', '--group', groupId)).code).toBe(2);
    expect((await dlq('list', '--group', `no-such-group-${randomUUID()}`)).code).toBe(3);

    const after = JSON.parse((await dlq('list', '--group', groupId, '--json')).stdout) as { deadLetters: DeadLetter[] };
    expect(after.deadLetters[0]).toMatchObject({ status: 'discarded', resolutions: [expect.objectContaining({ actor: 'ci', reason: 'test data' })] });
  });
});

/** `npm run dlq -- …` as an operator runs it (the same command line as the package script). */
function dlq(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'reflect-metadata', '-r', '@swc-node/register', join(workspaceRoot, 'deploy/dlq/dlq.ts'), ...args],
      { cwd: workspaceRoot, env: { ...process.env, SWC_NODE_PROJECT: join(workspaceRoot, 'tsconfig.base.json'), KAFKA_BROKERS: testKafkaBrokers().join(',') }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}
