import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { message, onTheWire, toWire } from '@work-permit/catalogue';
import { applicantIdOf, CancellationGround, Decision, encodeEvent, type EventDefinition, Events, ItemStatus, LOCAL_DEVELOPMENT_APPLICANT_ID_KEY } from '@work-permit/contracts';
import { MetricsRegistry } from '@work-permit/observability';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { startServiceUnderTest, consumingOnly, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, createTestTopic, eventually, testDatabaseServerUrl, testKafka, uniqueName, withTestDatabaseClient } from '@work-permit/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { differences, NOT_REBUILT, rowCounts, snapshotOfCases } from '../scripts/rebuild-comparison';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import { rebuildFromTopics } from '../src/replay/rebuild-from-topics';

const kafka = testKafka();
const workspaceRoot = join(__dirname, '../../..');
const CASES = 24;
const T0 = Date.UTC(2026, 10, 2, 1, 0, 0);
const DATES = caseDates();
const SESSION_TIMEOUT_MS = '6000';

/**
 * data-sharing in a process of its own (libs/platform/test/fixtures/run-service.ts, spawned by path:
 * a service's test may not import a library's test folder), for a SIGKILL. Resolves once it serves.
 */
async function startProcess(topic: string, databaseName: string, consumerGroup: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(workspaceRoot, 'libs/platform/test/fixtures/run-service.ts'), 'services/data-sharing', topic, databaseName, consumerGroup], {
    cwd: workspaceRoot,
    env: { ...process.env, SWC_NODE_PROJECT: join(workspaceRoot, 'tsconfig.base.json'), SERVICE_ENV_JSON: JSON.stringify({ KAFKA_SESSION_TIMEOUT_MS: SESSION_TIMEOUT_MS }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`data-sharing not ready after 60 s:\n${output.slice(-2_000)}`)), 60_000);
    child.stdout.on('data', () => {
      if (/^ready /m.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`data-sharing exited (${signal ?? code}) before it was ready:\n${output.slice(-2_000)}`));
    });
  });
  return { child, output: () => output };
}

interface Encoded {
  eventId: string;
  key: string;
  value: Buffer;
}

/**
 * Each case's events as the agencies publish them, in time order: submitted; the work permit in
 * review; the talent category; the work permit granted (every fifth refused); the residence permit
 * asked for a supplement (every fourth), supplemented and decided; social insurance granted; every
 * sixth permit cancelled afterwards.
 */
function eventsOf(index: number, caseId: string, passportNo: string): Encoded[] {
  const at = (step: number) => new Date(T0 + index * 7 * 60_000 + step * 60_000);
  const out: Encoded[] = [];
  const add = <D extends EventDefinition>(definition: D, payload: MessageInitShape<D['schema']>, step: number) => {
    const eventId = randomUUID();
    const event = encodeEvent(definition, payload, { caseId, correlationId: caseId, causationId: caseId, eventId, occurredAt: at(step) });
    out.push({ eventId, key: event.key, value: event.value });
  };
  const items = [
    { code: 'WORK_PERMIT', action: 'issue' as const },
    { code: 'RESIDENCE_PERMIT', action: 'issue' as const },
    { code: 'SOCIAL_INSURANCE', action: 'apply' as const },
  ];
  const applicantId = applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'DEU', passportNo);
  const facts = { ...exampleCaseFacts({ caseId, items, patch: { 'applicant.passportNo': passportNo, 'applicant.nationality': 'DEU' }, materials: exampleMaterials(items, DATES.issuedAt) }), applicantId };
  add(Events.CaseSubmitted, caseSubmittedOf(facts), 0);
  add(Events.ApprovalItemProgressed, { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', status: ItemStatus.IN_REVIEW }, 1);
  add(Events.ScitechItemDecided, { caseId, itemCode: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', decision: Decision.GRANTED, decidedAt: timestampFromDate(at(2)), result: { category: 'B', points: 70 } }, 2);
  const refused = index % 5 === 0;
  const refusal = message('sharing.stats.officer_reason');
  add(
    Events.ApprovalItemDecided,
    refused
      ? { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.REJECTED, decidedAt: timestampFromDate(at(3)), reason: onTheWire(refusal), reasonMessage: toWire(refusal) }
      : { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, decidedAt: timestampFromDate(at(3)), result: { permitNo: `WP${String(index).padStart(6, '0')}`, validFrom: '2026-12-01', validTo: '2028-11-30', category: 'B' } },
    3,
  );
  if (index % 4 === 1) {
    add(Events.PsbItemProgressed, { caseId, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', status: ItemStatus.AWAITING_SUPPLEMENT, requestedMaterials: ['PHOTO'] }, 4);
    add(Events.CaseSupplemented, { caseId, itemCode: 'RESIDENCE_PERMIT', materials: [] }, 5);
  }
  if (refused) {
    add(Events.PsbItemProgressed, { caseId, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', status: ItemStatus.TERMINATED }, 6);
    add(Events.HrssItemProgressed, { caseId, itemCode: 'SOCIAL_INSURANCE', action: 'apply', agency: 'hrss', status: ItemStatus.TERMINATED }, 6);
    return out;
  }
  add(Events.PsbItemDecided, { caseId, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', decision: Decision.GRANTED, decidedAt: timestampFromDate(at(6)), result: { permitNo: `RP${index}`, validTo: '2028-11-30' } }, 6);
  add(Events.HrssItemDecided, { caseId, itemCode: 'SOCIAL_INSURANCE', action: 'apply', agency: 'hrss', decision: Decision.GRANTED, decidedAt: timestampFromDate(at(6)), result: { socialSecurityNo: `SS${index}` } }, 6);
  if (index % 6 === 2) {
    add(Events.PermitCancelled, { caseId, itemCode: 'WORK_PERMIT', permitNo: `WP${String(index).padStart(6, '0')}`, cancelledOn: '2026-12-20', reason: '合同已解除 / contract ended', ground: CancellationGround.CONTRACT_ENDED, contractEndedOn: '2026-12-15', applicantId }, 6.5);
  }
  return out;
}

/**
 * Issue 16, case 8: the shared record and statistics rebuilt from the topics equal the live ones after
 * the failures. Cases flow into data-sharing while it is SIGKILLed mid-stream (a replica on the same
 * database and consumer group takes over), while events are delivered twice (the same event again,
 * later, as a relay re-sends after a crash), and while every connection of its database is cut three
 * times; officers read records meanwhile. Then the record and statistics are rebuilt from the topic
 * into a fresh database and compared with the live ones row for row — every `record_*` and `stats_*`
 * table, except the access log of the live reads (`NOT_REBUILT`), and `record_change.id`, a sequence.
 */
describe('data-sharing: a rebuild from the topics after the failures equals the live record and statistics', () => {
  let topic: string;
  let databaseName: string;
  let consumerGroup: string;
  let replica: ServiceUnderTest<DataSharingConfig> | undefined;
  let killed: { child: ChildProcess; output: () => string } | undefined;
  const rebuiltName = uniqueName('wp_test_sharing_crash_rebuilt').toLowerCase();

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'crash-rebuild');
    databaseName = uniqueName('wp_test_sharing_crash').toLowerCase();
    consumerGroup = uniqueName('data-sharing-crash');
  });

  afterAll(async () => {
    killed?.child.kill('SIGKILL');
    await replica?.close();
    await withTestDatabaseClient(undefined, async (client) => {
      for (const name of [databaseName, rebuiltName]) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  });

  const applied = async (eventIds: string[]) =>
    withTestDatabaseClient(databaseName, async (client) => {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_entry WHERE consumer_group = $1 AND event_id = ANY($2) AND outcome = 'processed'`, [consumerGroup, eventIds]);
      return rows[0].n;
    }).catch(() => -1);

  it('applies every event once through a SIGKILL, duplicate deliveries and cut connections, and rebuilds the same record and statistics', async () => {
    const cases = Array.from({ length: CASES }, (_, index) => ({ caseId: randomUUID(), passportNo: `K${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`, index }));
    const perCase = cases.map(({ index, caseId, passportNo }) => eventsOf(index, caseId, passportNo));
    // Interleaved as traffic is: every case's first event, then every case's second, …; each case's own events in order (one key, one partition).
    const stream: Encoded[] = [];
    for (let step = 0; step < Math.max(...perCase.map((events) => events.length)); step++) for (const events of perCase) if (events[step]) stream.push(events[step]);
    const eventIds = stream.map((event) => event.eventId);
    // Every fourth event delivered again, a few events later: the same message, as a relay sends it again after a crash.
    const withDuplicates: Encoded[] = [];
    stream.forEach((event, at) => {
      withDuplicates.push(event);
      if (at >= 6 && (at - 6) % 4 === 0) withDuplicates.push(stream[at - 6]);
    });
    const duplicatesSent = withDuplicates.length - stream.length;

    const producer = kafka.producer();
    await producer.connect();
    let sent = 0;
    const send = async (until: number) => {
      for (; sent < Math.min(until, withDuplicates.length); sent += 8) {
        await producer.send({ topic, messages: withDuplicates.slice(sent, Math.min(sent + 8, until)).map(({ key, value }) => ({ key, value })) });
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      sent = Math.min(until, withDuplicates.length);
    };
    const third = Math.ceil(withDuplicates.length / 3);

    try {
      // 1. A process of its own consumes the first third and part of the second, and is SIGKILLed mid-stream.
      killed = await startProcess(topic, databaseName, consumerGroup);
      await send(third);
      await eventually(async () => (await applied(eventIds)) >= 20, { what: 'the first process to apply some events', timeoutMs: 40_000 });
      await send(third + Math.floor(third / 2));
      const beforeKill = await applied(eventIds);
      killed.child.kill('SIGKILL');
      await new Promise((resolve) => killed!.child.once('exit', resolve));

      // 2. A replica on the same database and consumer group takes over (once the killed member's session has expired).
      replica = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config), {
        DATABASE_NAME: databaseName,
        KAFKA_CONSUMER_GROUP: consumerGroup,
        KAFKA_SESSION_TIMEOUT_MS: SESSION_TIMEOUT_MS,
      });
      await send(2 * third);

      // 3. Every connection of its database cut three times while the last third arrives; officers read records meanwhile.
      const sending = send(withDuplicates.length);
      for (let cut = 0; cut < 3; cut++) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await withTestDatabaseClient(undefined, (client) => client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [databaseName]));
      }
      await sending;
      await eventually(async () => (await applied(eventIds)) === eventIds.length, { what: 'every event applied', timeoutMs: 60_000 });
      const officer = signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: 'officer-crash-rebuild', role: 'officer', agency: 'approval' });
      for (const { passportNo } of cases.slice(0, 3)) {
        const read = await fetch(`${replica.url}/api/records/${applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'DEU', passportNo)}`, { headers: { authorization: `Bearer ${officer}`, 'x-purpose': 'work permit review' } });
        expect(read.status).toBe(200);
      }

      // Submitted, applied, applied twice: each event's inbox row is its one application (the primary key);
      // what the killed process applied before its offsets were committed came again and was met as a duplicate.
      const metrics = await replica.app.get(MetricsRegistry).metrics();
      const metAsDuplicate = metrics
        .split('\n')
        .filter((line) => line.startsWith('messaging_messages_consumed_total{') && line.includes('outcome="duplicate"'))
        .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
      const counts = { cases: CASES, events: eventIds.length, applied: await applied(eventIds), lost: eventIds.length - (await applied(eventIds)) };
      expect(counts).toEqual({ cases: CASES, events: eventIds.length, applied: eventIds.length, lost: 0 });
      expect(metAsDuplicate).toBeGreaterThan(0);
      process.stdout.write(
        `crash-rebuild: ${CASES} cases, ${eventIds.length} events and ${duplicatesSent} duplicate deliveries sent; the first process applied ${beforeKill} before its SIGKILL; ${counts.applied} applied once each, ${metAsDuplicate} met as duplicates by the replica, 0 lost\n`,
      );
    } finally {
      await producer.disconnect();
    }

    // 4. The rebuild, into a fresh database, from the topic.
    const config = loadConfig(
      DataSharingConfig,
      { ...process.env, NODE_ENV: 'test', DATABASE_URL: testDatabaseServerUrl(), KAFKA_BROKERS: replica.config.KAFKA_BROKERS, LOG_LEVEL: 'warn' },
      { ...serviceConfigDefaults(DataSharingService), DATABASE_NAME: rebuiltName },
    );
    const report = await rebuildFromTopics(config, { topics: [topic] });
    expect({ read: report.read, applied: report.applied }).toEqual({ read: withDuplicates.length, applied: eventIds.length });

    const caseIds = cases.map((c) => c.caseId);
    const liveSnapshot = await withTestDatabaseClient(databaseName, (client) => snapshotOfCases(client, caseIds));
    const rebuiltSnapshot = await withTestDatabaseClient(rebuiltName, (client) => snapshotOfCases(client, caseIds));
    // Four items a case: the three asked for and the talent category.
    const rows = rowCounts(liveSnapshot);
    const cancelled = cases.filter(({ index }) => index % 6 === 2 && index % 5 !== 0).length;
    expect(rows).toMatchObject({ record_applicant: CASES, record_case: CASES, record_permit: 4 * CASES, record_permit_cancellation: cancelled, stats_case: CASES, stats_item: 4 * CASES });
    expect(rows['record_field']).toBeGreaterThan(10 * CASES);
    expect(rows['record_change']).toBeGreaterThan(10 * CASES);
    expect(rows['stats_item_transition']).toBeGreaterThan(3 * CASES);
    expect(liveSnapshot.unselectable).toEqual([]);
    expect(differences(liveSnapshot, rebuiltSnapshot)).toEqual([]);
    // The comparison sees a changed value and a missing row (checked on the rebuilt copy, the live one kept).
    await withTestDatabaseClient(rebuiltName, async (client) => {
      await client.query(`UPDATE record_field SET value = '"changed"' WHERE ctid = (SELECT ctid FROM record_field WHERE applicant_id = $1 LIMIT 1)`, [applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'DEU', cases[0].passportNo)]);
      await client.query('DELETE FROM stats_item_transition WHERE ctid = (SELECT ctid FROM stats_item_transition WHERE case_id = $1 LIMIT 1)', [cases[1].caseId]);
    });
    const altered = differences(liveSnapshot, await withTestDatabaseClient(rebuiltName, (client) => snapshotOfCases(client, caseIds)));
    expect(altered.map(({ table, onlyLive, onlyRebuilt }) => [table, onlyLive.length, onlyRebuilt.length])).toEqual([
      ['record_field', 1, 1],
      ['stats_item_transition', 1, 0],
    ]);

    // The one legitimate difference: the live reads are logged, and a rebuild reads nothing.
    expect(NOT_REBUILT).toEqual(['record_access_log', 'record_access_log_head']);
    const accessLog = (name: string) => withTestDatabaseClient(name, async (client) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM record_access_log')).rows[0].n);
    expect({ live: await accessLog(databaseName), rebuilt: await accessLog(rebuiltName) }).toEqual({ live: 3, rebuilt: 0 });
  }, 150_000);
});
