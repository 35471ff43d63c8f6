import type { MessageInitShape } from '@bufbuild/protobuf';
import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { CURRENT_CATALOGUE_VERSION, fromWire, localize, message, officerReason, onTheWire, toWire } from '@work-permit/catalogue';
import {
  applicantIdOf,
  CancellationGround,
  Decision,
  decodeEvent,
  encodeEvent,
  type EventDefinition,
  Events,
  type ItemProgressed,
  ItemStatus,
  LOCAL_DEVELOPMENT_APPLICANT_ID_KEY,
  Topics,
} from '@work-permit/contracts';
import { chinaDateOf, databaseUrlFor, loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, createTestTopic, eventually, testKafka, uniqueName } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import type { ReleasedRecord } from '../src/record/record-view';
import { rebuildFromTopics } from '../src/replay/rebuild-from-topics';

const kafka = testKafka();
const DAY = 86_400_000;
const chinaDay = (offsetDays: number) => chinaDateOf(new Date(Date.now() + offsetDays * DAY));
const token = (agency: Agency) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `officer-${agency}-${randomUUID()}`, role: 'officer', agency });
const passport = () => `LL${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;
const applicantIdOfPassport = (passportNo: string) => applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'GBR', passportNo);

interface Person {
  passportNo: string;
  surname?: string;
  givenNames?: string;
  birthDate?: string;
}

/**
 * Entries added to the abnormal-information list after cases were filed: an open case and a current
 * work permit holder are referred to the joint review, once; an expired or cancelled permit, another
 * person and a lifted entry are not. The permits' cancellations fold into the shared record, and a
 * rebuild gives the same record.
 */
describe('an abnormal-list entry added after the cases were filed', () => {
  let service: ServiceUnderTest<DataSharingConfig>;
  let producer: Producer;
  let topic: string;
  const bigdata = token('bigdata');
  const psb = token('psb');

  const call = async (method: 'GET' | 'POST', path: string, auth: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${auth}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const report = (person: Person, extra: Record<string, unknown> = {}) => call('POST', '/api/abnormal-list', psb, { passportNo: person.passportNo, nationality: 'GBR', reason: 'forged degree certificate', ...extra });
  const query = async <T>(sql: string, params: unknown[]) => {
    const client = new Client({ connectionString: databaseUrlFor(service.config.DATABASE_URL, service.config.DATABASE_NAME) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  async function publish<D extends EventDefinition>(definition: D, payload: MessageInitShape<D['schema']>, caseId: string, occurredAt = new Date()): Promise<void> {
    const event = encodeEvent(definition, payload, { caseId, correlationId: caseId, causationId: caseId, occurredAt });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
  }

  /** A work permit case of the person, screened at submission (clear: nobody lists them yet). */
  async function filed(person: Person): Promise<string> {
    const caseId = randomUUID();
    await publish(
      Events.CaseSubmitted,
      {
        caseId,
        submittedBy: { subject: `applicant-${randomUUID()}`, role: 'applicant' },
        items: [{ code: 'WORK_PERMIT', action: 'issue' }],
        applicant: { surname: person.surname ?? 'BROWN', givenNames: person.givenNames ?? 'ALEX', nationality: 'GBR', passportNo: person.passportNo, birthDate: person.birthDate ?? '1985-05-05' },
        catalogueVersion: CURRENT_CATALOGUE_VERSION,
      },
      caseId,
    );
    await eventually(async () => (await query('SELECT 1 FROM applicant_screening s JOIN stats_case c ON c.case_id = s.case_id WHERE s.case_id = $1', [caseId])).length === 1, {
      what: 'the case screened and counted',
    });
    return caseId;
  }

  async function granted(caseId: string, validTo: string, occurredAt = new Date()): Promise<void> {
    await publish(
      Events.ApprovalItemDecided,
      { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo: `WP-${caseId.slice(0, 8)}`, validFrom: chinaDay(-100), validTo } },
      caseId,
      occurredAt,
    );
  }

  const contractEnded = message('cancellation.contract_ended', { endedOn: chinaDay(-3), late: false, windowDays: 10 });
  const cancellation = (caseId: string) => ({
    caseId,
    itemCode: 'WORK_PERMIT',
    permitNo: `WP-${caseId.slice(0, 8)}`,
    cancelledOn: chinaDay(0),
    reason: onTheWire(contractEnded),
    reasonMessage: toWire(contractEnded),
    ground: CancellationGround.CONTRACT_ENDED,
    contractEndedOn: chinaDay(-3),
  });

  const screeningOf = async (caseId: string) => (await query<{ outcome: string; matched_entries: string[] }>('SELECT outcome, matched_entries FROM applicant_screening WHERE case_id = $1', [caseId]))[0];
  const referralsOf = (caseId: string) => query<{ entry_id: string; kind: string; match: string; previous_outcome: string }>('SELECT entry_id, kind, match, previous_outcome FROM late_listing_referral WHERE case_id = $1', [caseId]);
  const jointReviewReferrals = async (caseId: string) =>
    (await collectFromTopic(kafka, Topics.sharing, (m) => decodeEvent(m.value!)?.caseId === caseId && decodeEvent(m.value!)!.type === Events.SharingItemProgressed.type))
      .map((m) => decodeEvent(m.value!)!.payload as ItemProgressed)
      .filter((p) => p.status === ItemStatus.JOINT_REVIEW);

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'late-listing');
    service = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config));
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it('refers an open case to the joint review at once, though its screening had come back clear, and only once', async () => {
    const person = { passportNo: passport() };
    const caseId = await filed(person);
    expect((await screeningOf(caseId)).outcome).toBe('clear');

    const reported = await report(person);
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ screening: { referred: 1, possible: 0 } });
    const entryId = (reported.body as { id: string }).id;
    expect(await screeningOf(caseId)).toEqual({ outcome: 'listed', matched_entries: [entryId] });
    expect(await referralsOf(caseId)).toEqual([{ entry_id: entryId, kind: 'open_case', match: 'listed', previous_outcome: 'clear' }]);

    const again = await call('POST', `/api/abnormal-list/${entryId}/screen`, bigdata);
    expect(again).toMatchObject({ status: 200, body: { entryId, screening: { referred: 0, possible: 0 } } });
    const referrals = await jointReviewReferrals(caseId);
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({ itemCode: 'ABNORMAL_LIST_SCREENING', agency: 'bigdata', action: 'apply' });
    // The reason as the catalogue's message, the entry's reason as the reporting officer wrote it; the plain text Chinese, then English.
    const expected = message('screening.late_listed_case', { reason: officerReason('forged degree certificate') });
    expect(fromWire(referrals[0].reasonMessage, '')).toEqual(expected);
    expect(referrals[0].reason).toBe(onTheWire(expected));
    expect(referrals[0].reason).toMatch(/^申请人在案件受理后被列入异常信息名单（forged degree certificate）.* \/ The applicant was put on the abnormal-information list after the case was filed/);
  });

  it('refers the case that granted a current work permit, and neither an expired nor a cancelled permit nor another person', async () => {
    const holder = { passportNo: passport() };
    const expired = { passportNo: passport() };
    const cancelled = { passportNo: passport() };
    const holderCase = await filed(holder);
    const expiredCase = await filed(expired);
    const cancelledCase = await filed(cancelled);
    await granted(holderCase, chinaDay(300));
    await granted(expiredCase, chinaDay(-1));
    await granted(cancelledCase, chinaDay(300));
    await publish(Events.PermitCancelled, cancellation(cancelledCase), cancelledCase);
    await eventually(async () => (await query('SELECT 1 FROM record_permit_cancellation WHERE case_id = $1', [cancelledCase])).length === 1, { what: 'the cancellation in the record' });
    await eventually(async () => (await query(`SELECT 1 FROM stats_case WHERE case_id = ANY($1) AND status = 'completed'`, [[holderCase, expiredCase]])).length === 2, {
      what: 'the granted cases completed',
    });

    expect((await report(holder)).body).toMatchObject({ screening: { referred: 1, possible: 0 } });
    expect(await referralsOf(holderCase)).toEqual([expect.objectContaining({ kind: 'permit_holder', match: 'listed', previous_outcome: 'clear' })]);
    const [referral] = await jointReviewReferrals(holderCase);
    expect(referral.reason).toContain("the agencies review the holder's case jointly");
    expect(fromWire(referral.reasonMessage, '')).toEqual(message('screening.late_listed_holder', { reason: officerReason('forged degree certificate') }));

    expect((await report(expired)).body).toMatchObject({ screening: { referred: 0, possible: 0 } });
    expect((await report(cancelled)).body).toMatchObject({ screening: { referred: 0, possible: 0 } });
    expect(await referralsOf(expiredCase)).toEqual([]);
    expect(await referralsOf(cancelledCase)).toEqual([]);
  });

  it('refers nobody through a lifted entry', async () => {
    const person = { passportNo: passport() };
    const entry = await report(person);
    const entryId = (entry.body as { id: string }).id;
    expect(entry.body).toMatchObject({ screening: { referred: 0, possible: 0 } });
    expect((await call('POST', `/api/abnormal-list/${entryId}/lift`, psb, { reason: 'reported in error' })).status).toBe(200);
    const caseId = await filed(person);
    expect((await screeningOf(caseId)).outcome).toBe('clear');

    const screened = await call('POST', `/api/abnormal-list/${entryId}/screen`, bigdata);
    expect(screened.status).toBe(409);
    expect(screened.body).toMatchObject({ error: { code: 'entry_not_active', message: `条目${entryId}已解除，不再筛查`, messages: { en: `entry ${entryId} is lifted: it no longer matches anyone` } } });
    const inEnglish = await call('POST', `/api/abnormal-list/${entryId}/screen`, bigdata, undefined, { 'accept-language': 'en' });
    expect(inEnglish.body).toMatchObject({ error: { code: 'entry_not_active', message: `entry ${entryId} is lifted: it no longer matches anyone` } });
    expect(await referralsOf(caseId)).toEqual([]);
    expect((await screeningOf(caseId)).outcome).toBe('clear');
    // Only the Big Data Bureau and the reporting agency screen an entry; to others it does not exist.
    expect((await call('POST', `/api/abnormal-list/${entryId}/screen`, token('hrss'))).status).toBe(404);
  });

  it('puts a near match (name and birth date) before an officer; clearing it leaves the step granted at submission alone', async () => {
    const holder = { passportNo: passport(), surname: 'SMITH', givenNames: 'JOHN', birthDate: '1980-01-31' };
    const caseId = await filed(holder);
    await granted(caseId, chinaDay(300));
    await eventually(async () => (await query('SELECT 1 FROM record_permit WHERE case_id = $1', [caseId])).length === 1, { what: 'the permit in the record' });

    const reported = await report({ passportNo: passport() }, { surname: 'SMYTH', givenNames: 'JOHN', birthDate: '1980-01-31' });
    expect(reported.body).toMatchObject({ screening: { referred: 0, possible: 1 } });
    expect((await screeningOf(caseId)).outcome).toBe('possible');
    const queue = await call('GET', '/api/screenings/possible', bigdata);
    expect((queue.body as { screenings: { caseId: string }[] }).screenings.map((s) => s.caseId)).toContain(caseId);

    const decision = { decision: 'clear', reason: 'another man: different father’s name on file' };
    expect((await call('POST', `/api/screenings/${caseId}/decision`, psb, decision)).body).toMatchObject({
      error: { code: 'forbidden', message: '只有大数据局工作人员可决定可能匹配', messages: { en: 'only Big Data Bureau officers decide possible matches' } },
    });
    const unscreened = randomUUID();
    expect((await call('POST', `/api/screenings/${unscreened}/decision`, bigdata, decision, { 'accept-language': 'en' })).body).toMatchObject({
      error: { code: 'screening_not_found', message: `case ${unscreened} has not been screened` },
    });
    const cleared = await call('POST', `/api/screenings/${caseId}/decision`, bigdata, decision);
    expect(cleared.status).toBe(200);
    const twice = await call('POST', `/api/screenings/${caseId}/decision`, bigdata, decision);
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'not_a_possible_match', message: `案件${caseId}的筛查结果为未匹配，不是可能匹配` } } });
    expect((await screeningOf(caseId)).outcome).toBe('clear');
    const decided = await collectFromTopic(kafka, Topics.sharing, (m) => decodeEvent(m.value!)?.caseId === caseId && decodeEvent(m.value!)!.type === Events.SharingItemDecided.type, { settleMs: 2_000 });
    expect(decided).toHaveLength(1);
  });

  it('shows a cancelled work permit as cancelled in the shared record, and rebuilds the same record whichever of grant and cancellation came first', async () => {
    const person = { passportNo: passport() };
    const caseId = await filed(person);
    const grantedAt = new Date(Date.now() - 60_000);
    // The cancellation is folded first, the grant it cancels after.
    await publish(Events.PermitCancelled, cancellation(caseId), caseId, new Date());
    await eventually(async () => (await query('SELECT 1 FROM record_permit_cancellation WHERE case_id = $1', [caseId])).length === 1, { what: 'the cancellation in the record' });
    await granted(caseId, chinaDay(300), grantedAt);
    await eventually(async () => (await query('SELECT 1 FROM record_permit WHERE case_id = $1', [caseId])).length === 1, { what: 'the permit in the record' });

    const applicantId = applicantIdOfPassport(person.passportNo);
    const record = await call('GET', `/api/records/${applicantId}`, token('approval'), undefined, { 'x-purpose': 'work permit review' });
    expect(record.status).toBe(200);
    const why = localize(contractEnded);
    expect((record.body as unknown as ReleasedRecord).permits).toEqual([
      expect.objectContaining({ item: 'WORK_PERMIT', caseId, status: 'cancelled', permitNo: `WP-${caseId.slice(0, 8)}`, cancelledOn: chinaDay(0), cancellationReason: why.zh, cancellationReasons: why }),
    ]);
    expect(why.zh).toContain('劳动合同');
    const inEnglish = await call('GET', `/api/records/${applicantId}`, token('approval'), undefined, { 'x-purpose': 'work permit review', 'accept-language': 'en' });
    expect((inEnglish.body as unknown as ReleasedRecord).permits).toEqual([expect.objectContaining({ cancellationReason: why.en, cancellationReasons: why })]);
    expect((record.body as unknown as ReleasedRecord).history).toContainEqual(
      expect.objectContaining({ subject: 'permits.WORK_PERMIT', oldValue: { status: 'granted', permitNo: `WP-${caseId.slice(0, 8)}` }, newValue: expect.objectContaining({ status: 'cancelled' }) }),
    );

    const name = uniqueName('wp_test_sharing_late_rebuild').toLowerCase();
    const config = loadConfig(DataSharingConfig, { ...process.env, NODE_ENV: 'test', DATABASE_URL: service.config.DATABASE_URL, KAFKA_BROKERS: service.config.KAFKA_BROKERS, LOG_LEVEL: 'warn' }, { ...serviceConfigDefaults(DataSharingService), DATABASE_NAME: name });
    const snapshot = async (database: string) => {
      const client = new Client({ connectionString: databaseUrlFor(service.config.DATABASE_URL, database) });
      await client.connect();
      try {
        const rows = async (sql: string) => (await client.query(sql, [caseId])).rows;
        return {
          permits: await rows('SELECT * FROM record_permit WHERE case_id = $1'),
          cancellations: await rows('SELECT * FROM record_permit_cancellation WHERE case_id = $1'),
          history: await rows('SELECT subject, old_value, new_value, source, source_event_id, occurred_at FROM record_change WHERE case_id = $1 ORDER BY occurred_at, subject, source_event_id'),
        };
      } finally {
        await client.end();
      }
    };
    try {
      await rebuildFromTopics(config, { topics: [topic] });
      const live = await snapshot(service.config.DATABASE_NAME);
      expect(live.cancellations).toHaveLength(1);
      expect(await snapshot(name)).toEqual(live);
    } finally {
      const client = new Client({ connectionString: service.config.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    }
  });
});
