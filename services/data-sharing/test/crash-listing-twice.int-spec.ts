import type { MessageInitShape } from '@bufbuild/protobuf';
import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { CURRENT_CATALOGUE_VERSION } from '@work-permit/catalogue';
import { decodeEvent, encodeEvent, Events, type ItemProgressed, ItemStatus, Topics } from '@work-permit/contracts';
import { databaseUrlFor } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';

const kafka = testKafka();
const PEOPLE = 3;
const token = (agency: Agency) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `officer-${agency}-${randomUUID()}`, role: 'officer', agency });
const passport = () => `DL${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;

/**
 * Issue 16, case 10, at the source of the flag: the Big Data Bureau refers a listed applicant's case
 * to the joint review once — though the case is delivered twice (one event id), the person is listed
 * again after the filing, or two agencies list a person at the same moment (two facts, two entries).
 * Counted: cases filed, cases referred, referrals published.
 */
describe('data-sharing: the same abnormal-list flag raised twice', () => {
  let service: ServiceUnderTest<DataSharingConfig>;
  let producer: Producer;
  let topic: string;

  const sql = async <T>(statement: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: databaseUrlFor(service.config.DATABASE_URL, service.config.DATABASE_NAME) });
    await client.connect();
    try {
      return (await client.query(statement, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const report = async (passportNo: string, agency: Agency) => {
    const response = await fetch(`${service.url}/api/abnormal-list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token(agency)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ passportNo, nationality: 'GBR', reason: `reported by ${agency}` }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { screening: { referred: number; possible: number } }).screening;
  };
  const submission = (caseId: string, passportNo: string): MessageInitShape<typeof Events.CaseSubmitted.schema> => ({
    caseId,
    submittedBy: { subject: `applicant-${randomUUID()}`, role: 'applicant' },
    items: [{ code: 'WORK_PERMIT', action: 'issue' }],
    applicant: { surname: 'GREEN', givenNames: 'ROBIN', nationality: 'GBR', passportNo, birthDate: '1980-08-08' },
    catalogueVersion: CURRENT_CATALOGUE_VERSION,
  });

  /** Until the service's group has committed every partition of the test's topic to its end: every delivery handled. */
  async function everythingConsumed(): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [{ partitions }] = await admin.fetchOffsets({ groupId: service.config.KAFKA_CONSUMER_GROUP!, topics: [topic] });
        return ends.every(({ partition, high }) => Number(high) === 0 || Number(partitions.find((p) => p.partition === partition)?.offset ?? -1) >= Number(high));
      }, { what: 'the service to consume the whole topic' });
    } finally {
      await admin.disconnect();
    }
  }
  const screened = (caseIds: string[]) =>
    eventually(async () => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM applicant_screening WHERE case_id = ANY($1)', [caseIds]))[0].n === caseIds.length, {
      what: 'every case screened',
    });
  /** The joint-review referrals the service published, per case. */
  async function referralsOf(caseIds: string[]): Promise<number[]> {
    const wanted = new Set(caseIds);
    const messages = await collectFromTopic(kafka, Topics.sharing, (m) => {
      const event = decodeEvent(m.value!);
      return !!event && wanted.has(event.caseId) && event.type === Events.SharingItemProgressed.type && (event.payload as ItemProgressed).status === ItemStatus.JOINT_REVIEW;
    });
    return caseIds.map((caseId) => messages.filter((m) => decodeEvent(m.value!)!.caseId === caseId).length);
  }

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'crash-listing');
    service = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config));
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it('refers a listed applicant’s case once though the case arrives twice and the person is listed again', async () => {
    const people = Array.from({ length: PEOPLE }, () => ({ passportNo: passport(), caseId: randomUUID() }));
    for (const { passportNo } of people) expect(await report(passportNo, 'psb')).toEqual({ referred: 0, possible: 0 });
    for (const { passportNo, caseId } of people) {
      const event = encodeEvent(Events.CaseSubmitted, submission(caseId, passportNo), { caseId, correlationId: caseId, causationId: caseId });
      // Delivered twice: the same event id.
      await producer.send({ topic, messages: [event, event].map(({ key, value }) => ({ key, value })) });
    }
    const caseIds = people.map((person) => person.caseId);
    await screened(caseIds);
    await everythingConsumed();
    // The second delivery met its inbox row.
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    const duplicates = metrics
      .split('\n')
      .filter((line) => line.startsWith('messaging_messages_consumed_total{') && line.includes('type="portal.case.submitted"') && line.includes('outcome="duplicate"'))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    expect(duplicates).toBe(PEOPLE);
    // Listed again, by another agency, after the filing: already on its way to the joint review.
    for (const { passportNo } of people) expect(await report(passportNo, 'hrss')).toEqual({ referred: 0, possible: 0 });

    expect(await sql('SELECT outcome FROM applicant_screening WHERE case_id = ANY($1)', [caseIds])).toEqual(caseIds.map(() => ({ outcome: 'listed' })));
    // Filed 3, referred 3, referrals published 3: none twice.
    expect(await referralsOf(caseIds)).toEqual(caseIds.map(() => 1));
  });

  it('refers a case filed clear once when two agencies list the person at the same moment', async () => {
    const people = Array.from({ length: PEOPLE }, () => ({ passportNo: passport(), caseId: randomUUID() }));
    await producer.send({
      topic,
      messages: people.map(({ passportNo, caseId }) => {
        const event = encodeEvent(Events.CaseSubmitted, submission(caseId, passportNo), { caseId, correlationId: caseId, causationId: caseId });
        return { key: event.key, value: event.value };
      }),
    });
    const caseIds = people.map((person) => person.caseId);
    await screened(caseIds);
    await everythingConsumed();

    for (const { passportNo } of people) {
      const [first, second] = await Promise.all([report(passportNo, 'psb'), report(passportNo, 'hrss')]);
      expect(first.referred + second.referred).toBe(1);
    }
    expect(await sql('SELECT DISTINCT outcome FROM applicant_screening WHERE case_id = ANY($1)', [caseIds])).toEqual([{ outcome: 'listed' }]);
    expect(await referralsOf(caseIds)).toEqual(caseIds.map(() => 1));
  });
});
