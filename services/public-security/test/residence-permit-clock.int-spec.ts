import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { isKnownMessage, localize, type Message } from '@work-permit/catalogue';
import { Decision, encodeEvent, type EventDefinition, Events } from '@work-permit/contracts';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, chinaDayFrom, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { dueDate } from '@work-permit/workdays';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { PublicSecurityConfig } from '../src/public-security.config';
import { PublicSecurityService } from '../src/public-security.service';

const kafka = testKafka();
const DATES = caseDates();
const DAY_MS = 86_400_000;
const WP_AND_RP = [
  { code: 'WORK_PERMIT', action: 'issue' as const },
  { code: 'RESIDENCE_PERMIT', action: 'issue' as const },
];

interface ClockRow {
  status: string;
  clock_starts_on: string | null;
  due_date: string | null;
}

/** The residence permit's clock on the public security service: it starts when the work permit it depends on is granted. */
describe('public-security: a dependant’s clock', () => {
  let service: ServiceUnderTest<PublicSecurityConfig>;
  let producer: Producer;
  let topic: string;

  const send = async (definition: EventDefinition, caseId: string, payload: object, occurredAt = new Date()) => {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId, occurredAt });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
  };
  const clock = async (caseId: string): Promise<ClockRow | undefined> =>
    (
      await service.app
        .get(DataSource)
        .query(`SELECT status, to_char(clock_starts_on, 'YYYY-MM-DD') AS clock_starts_on, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM review_item WHERE case_id = $1 AND code = 'RESIDENCE_PERMIT'`, [caseId])
    )[0];

  const findings = async (caseId: string): Promise<{ rule: string; passed: boolean; message: Message }[] | undefined> =>
    (
      (await service.app.get(DataSource).query(`SELECT assessment FROM review_item WHERE case_id = $1 AND code = 'RESIDENCE_PERMIT'`, [caseId])) as {
        assessment: { findings: { rule: string; passed: boolean; message: Message }[] } | null;
      }[]
    )[0]?.assessment?.findings;

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'residence-clock');
    service = await startServiceUnderTest(PublicSecurityService, PublicSecurityConfig, (config) => consumingOnly(AppModule.register(config), PublicSecurityService, topic, config));
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it('waits without a due date while the work permit is undecided, and counts the 15 days from the day it was granted', async () => {
    const caseId = randomUUID();
    const facts = exampleCaseFacts({ caseId, items: WP_AND_RP, patch: { 'employment.contractStart': DATES.contractStart, 'employment.contractEnd': DATES.contractEnd }, materials: exampleMaterials(WP_AND_RP, DATES.issuedAt) });
    // Submitted a week ago.
    await send(Events.CaseSubmitted, caseId, caseSubmittedOf(facts), new Date(Date.now() - 7 * DAY_MS));
    const waiting = await eventually(async () => (await clock(caseId))?.status === 'pending' && clock(caseId), { what: 'the residence permit to wait' });
    expect(waiting).toEqual({ status: 'pending', clock_starts_on: null, due_date: null });

    // The work permit was granted three days ago; the news arrives only now.
    const grantedOn = chinaDayFrom(-3);
    await send(Events.ApprovalItemDecided, caseId, {
      caseId,
      itemCode: 'WORK_PERMIT',
      action: 'issue',
      agency: 'approval',
      decision: Decision.GRANTED,
      decidedAt: timestampFromDate(new Date(Date.now() - 3 * DAY_MS)),
      result: { permitNo: 'WP20260123456789', validFrom: DATES.contractStart, validTo: DATES.contractEnd, category: 'A', points: 90 },
    });
    const started = await eventually(async () => (await clock(caseId))?.clock_starts_on !== null && clock(caseId), { what: 'the clock to start' });
    expect(started).toMatchObject({ clock_starts_on: grantedOn, due_date: dueDate(grantedOn, { amount: 15, unit: 'calendar_days' }) });

    // Assessed once the work permit is granted: the findings are kept as catalogue messages, read in Chinese first.
    const assessed = await eventually(async () => findings(caseId), { what: 'the residence permit to be assessed' });
    expect(assessed.every(({ message }) => isKnownMessage(message))).toBe(true);
    const passport = assessed.find(({ rule }) => rule === 'passport_valid');
    expect(localize(passport!.message)).toEqual({ zh: expect.stringMatching(/^护照有效期至\d{4}-\d{2}-\d{2}。$/), en: expect.stringMatching(/^The passport is valid until \d{4}-\d{2}-\d{2}\.$/) });
  });

  it('keeps the outcome of the work permit it waits on, and none of an item outside its scope', async () => {
    const caseId = randomUUID();
    const decided = { caseId, action: 'issue', decision: Decision.GRANTED, decidedAt: timestampFromDate(new Date()) };
    // Same case, same partition: the social insurance's outcome is taken (or passed over) before the work permit's.
    await send(Events.HrssItemDecided, caseId, { ...decided, itemCode: 'SOCIAL_INSURANCE', agency: 'hrss', result: { permitNo: 'SI-1' } });
    await send(Events.ApprovalItemDecided, caseId, { ...decided, itemCode: 'WORK_PERMIT', agency: 'approval', result: { permitNo: 'WP-1' } });
    const kept = async () => ((await service.app.get(DataSource).query(`SELECT code FROM prerequisite_outcome WHERE case_id = $1 ORDER BY code`, [caseId])) as { code: string }[]).map((row) => row.code);
    await eventually(async () => (await kept()).includes('WORK_PERMIT'), { what: "the work permit's outcome" });
    expect(await kept()).toEqual(['WORK_PERMIT']);
  });
});
