import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { applicantIdOf, Decision, encodeEvent, type EventDefinition, Events, ItemStatus, LOCAL_DEVELOPMENT_APPLICANT_ID_KEY } from '@work-permit/contracts';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { caseDates, createTestTopic, testDatabaseServerUrl, testKafka, testKafkaBrokers, uniqueName, withTestDatabaseClient } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { differences, snapshotOfCases } from '../scripts/rebuild-comparison';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import { rebuildFromTopics } from '../src/replay/rebuild-from-topics';

const kafka = testKafka();
const T0 = Date.UTC(2026, 10, 9, 1, 0, 0);
const DATES = caseDates();
const at = (minutes: number) => new Date(T0 + minutes * 60_000);


/**
 * A batch of the rebuild holds an event the statistics refuse for good (its case id is no UUID, as
 * their tables keep case ids: the live consumer would dead-letter it) among events of the same person
 * before and after it. The rebuild re-applies that batch one event per transaction: the refused event
 * leaves nothing behind, not even what the record's fold wrote before the statistics refused it, and
 * every other event is applied — the same tables as a rebuild of one event per transaction.
 */
describe('data-sharing: a rebuild batch with an event refused for good', () => {
  let topic: string;
  const batched = uniqueName('wp_test_sharing_batch').toLowerCase();
  const oneByOne = uniqueName('wp_test_sharing_one_by_one').toLowerCase();

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'rebuild-batches');
  });

  afterAll(async () => {
    await withTestDatabaseClient(undefined, async (client) => {
      for (const name of [batched, oneByOne]) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  });

  it('skips that event alone and applies every other event of the batch', async () => {
    const passportNo = `B${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;
    const applicantId = applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'DEU', passportNo);
    const otherApplicantId = applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'FRA', `F${passportNo.slice(1)}`);
    const [first, second, other] = [randomUUID(), randomUUID(), randomUUID()];
    const refusedCase = `not-a-uuid-${randomUUID().slice(0, 8)}`;
    const submission = (caseId: string, who: string, nationality: string, position: string) => {
      const items = [
        { code: 'WORK_PERMIT', action: 'issue' as const },
        { code: 'SOCIAL_INSURANCE', action: 'apply' as const },
      ];
      const patch = { 'applicant.passportNo': `${nationality === 'DEU' ? 'B' : 'F'}${passportNo.slice(1)}`, 'applicant.nationality': nationality, 'employment.position': position };
      return caseSubmittedOf({ ...exampleCaseFacts({ caseId, items, patch, materials: exampleMaterials(items, DATES.issuedAt) }), applicantId: who });
    };
    const sent: { eventId: string; caseId: string; key: string; value: Buffer }[] = [];
    const add = <D extends EventDefinition>(definition: D, payload: MessageInitShape<D['schema']>, caseId: string, minute: number) => {
      const event = encodeEvent(definition, payload, { caseId, correlationId: caseId, causationId: caseId, occurredAt: at(minute) });
      sent.push({ eventId: event.eventId, caseId, key: event.key, value: event.value });
    };
    add(Events.CaseSubmitted, submission(first, applicantId, 'DEU', 'engineer'), first, 0);
    add(Events.CaseSubmitted, submission(other, otherApplicantId, 'FRA', 'chemist'), other, 1);
    add(Events.ApprovalItemProgressed, { caseId: first, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', status: ItemStatus.IN_REVIEW }, first, 2);
    // The same person's filing, refused: in the middle of the batch, after and before the others' events.
    add(Events.CaseSubmitted, submission(refusedCase, applicantId, 'DEU', 'refused position'), refusedCase, 3);
    add(
      Events.ApprovalItemDecided,
      { caseId: first, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, decidedAt: timestampFromDate(at(4)), result: { permitNo: 'WP-BATCH-1', validFrom: '2026-12-01', validTo: '2028-11-30', category: 'B' } },
      first,
      4,
    );
    add(Events.CaseSubmitted, submission(second, applicantId, 'DEU', 'senior engineer'), second, 5);
    add(Events.HrssItemProgressed, { caseId: other, itemCode: 'SOCIAL_INSURANCE', action: 'apply', agency: 'hrss', status: ItemStatus.AWAITING_SUPPLEMENT, requestedMaterials: ['PHOTO'] }, other, 6);
    add(Events.CaseSupplemented, { caseId: other, itemCode: 'SOCIAL_INSURANCE', materials: [] }, other, 7);
    add(Events.HrssItemDecided, { caseId: second, itemCode: 'SOCIAL_INSURANCE', action: 'apply', agency: 'hrss', decision: Decision.GRANTED, decidedAt: timestampFromDate(at(8)), result: { socialSecurityNo: 'SS-BATCH-2' } }, second, 8);
    const refused = sent.find((event) => event.caseId === refusedCase)!;
    const applied = sent.filter((event) => event !== refused);

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: sent.map(({ key, value }) => ({ key, value })) });
    await producer.disconnect();

    const configFor = (name: string) =>
      loadConfig(
        DataSharingConfig,
        { ...process.env, NODE_ENV: 'test', DATABASE_URL: testDatabaseServerUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), LOG_LEVEL: 'warn' },
        { ...serviceConfigDefaults(DataSharingService), DATABASE_NAME: name },
      );
    // Every event in one transaction, the refused one among them.
    const report = await rebuildFromTopics(configFor(batched), { topics: [topic], eventsPerTransaction: 50 });
    expect({ read: report.read, applied: report.applied, skipped: report.skipped }).toEqual({ read: sent.length, applied: sent.length - 1, skipped: 1 });

    const caseIds = [first, second, other, refusedCase];
    const facts = await withTestDatabaseClient(batched, async (client) => {
      const values = async (sql: string) => (await client.query<{ value: string }>(sql, [caseIds])).rows.map((row) => row.value).sort();
      return {
        cases: await values('SELECT case_id AS value FROM record_case WHERE case_id = ANY($1)'),
        statisticsCases: await values('SELECT case_id::text AS value FROM stats_case WHERE case_id::text = ANY($1)'),
        // Every event here enters an item into a state: a transition each, keyed by the event.
        transitionEvents: await values('SELECT DISTINCT event_id::text AS value FROM stats_item_transition WHERE case_id::text = ANY($1)'),
        permits: await values(`SELECT case_id || ' ' || item || ' ' || status AS value FROM record_permit WHERE case_id = ANY($1)`),
        // What the record's fold wrote for the refused filing before the statistics refused it.
        refusedLeftovers: (
          await client.query<{ value: string }>(
            `SELECT 'offer' AS value FROM record_offer WHERE source_event_id = $1 UNION ALL SELECT 'field' FROM record_field WHERE source_event_id = $1
             UNION ALL SELECT 'change' FROM record_change WHERE source_event_id = $1`,
            [refused.eventId],
          )
        ).rows.map((row) => row.value),
      };
    });
    expect(facts).toEqual({
      cases: [first, second, other].sort(),
      statisticsCases: [first, second, other].sort(),
      transitionEvents: applied.map((event) => event.eventId).sort(),
      permits: [`${first} WORK_PERMIT granted`, `${second} SOCIAL_INSURANCE granted`].sort(),
      refusedLeftovers: [],
    });

    // The same tables, row for row, as a rebuild that gives each event a transaction of its own.
    const reference = await rebuildFromTopics(configFor(oneByOne), { topics: [topic], eventsPerTransaction: 1 });
    expect(reference).toMatchObject({ applied: sent.length - 1, skipped: 1 });
    const snapshots = await Promise.all([batched, oneByOne].map((name) => withTestDatabaseClient(name, (client) => snapshotOfCases(client, caseIds))));
    expect(snapshots[0].tables['record_field'].length).toBeGreaterThan(10);
    expect(differences(snapshots[1], snapshots[0])).toEqual([]);
  });
});
