import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { Decision, decodeEvent, encodeEvent, type EventDefinition, Events, ItemStatus, type OutgoingEvent, Topics } from '@work-permit/contracts';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminApprovalConfig } from '../src/admin-approval.config';
import { AdminApprovalService } from '../src/admin-approval.service';
import { AppModule } from '../src/app.module';

const kafka = testKafka();
const DATES = caseDates();
const CASES = 3;
const officer = (agency: Agency) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `officer-${agency}-${randomUUID()}`, role: 'officer', agency });

/**
 * Issue 16, case 10, at the lead agency: the abnormal-list flag raised twice — the same referral
 * event delivered twice (one event id: the inbox) and the same fact raised again under a new event id
 * (a second listing of the person) — opens one joint review; the same opinion sent twice at once by
 * an agency is recorded once; the review concludes once.
 */
describe('admin-approval: the same joint-review flag and the same opinion twice', () => {
  let service: ServiceUnderTest<AdminApprovalConfig>;
  let producer: Producer;
  let topic: string;

  const encode = (definition: EventDefinition, caseId: string, payload: object): OutgoingEvent =>
    encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });
  const query = <T>(sql: string, params: unknown[] = []) => service.app.get(DataSource).query(sql, params) as Promise<T[]>;
  const call = async (method: string, path: string, auth: string, body?: object) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
      ...(body && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const eventsOf = async (definition: EventDefinition, caseIds: readonly string[]) => {
    const wanted = new Set(caseIds);
    const messages = await collectFromTopic(kafka, Topics.approval, (m) => {
      const event = decodeEvent(m.value!);
      return !!event && wanted.has(event.caseId) && event.type === definition.type;
    });
    return caseIds.map((caseId) => messages.filter((m) => decodeEvent(m.value!)!.caseId === caseId).length);
  };

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'crash-joint-review');
    service = await startServiceUnderTest(AdminApprovalService, AdminApprovalConfig, (config) => consumingOnly(AppModule.register(config), AdminApprovalService, topic, config));
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it('opens one review per case however often it is referred, records each agency’s opinion once and concludes once', async () => {
    const caseIds: string[] = Array.from({ length: CASES }, () => randomUUID());
    const items = [{ code: 'WORK_PERMIT', action: 'issue' as const }];
    const sentinels: string[] = [];
    const referrals: string[] = [];
    for (const caseId of caseIds) {
      const referral = (reason: string) =>
        encode(Events.SharingItemProgressed, caseId, { caseId, itemCode: 'ABNORMAL_LIST_SCREENING', action: 'apply', agency: 'bigdata', status: ItemStatus.JOINT_REVIEW, reason });
      const atSubmission = referral('listed for a forged degree certificate');
      const secondListing = referral('listed again by another agency');
      // Last in the case's partition: once it is applied, everything before it has been handled.
      const sentinel = encode(Events.ScitechItemDecided, caseId, { caseId, itemCode: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', decision: Decision.GRANTED, result: { category: 'A', points: 90 } });
      sentinels.push(sentinel.eventId);
      referrals.push(atSubmission.eventId, secondListing.eventId);
      const submitted = encode(Events.CaseSubmitted, caseId, caseSubmittedOf(exampleCaseFacts({ caseId, items, materials: exampleMaterials(items, DATES.issuedAt) })));
      await producer.send({ topic, messages: [submitted, atSubmission, atSubmission, secondListing, sentinel].map(({ key, value }) => ({ key, value })) });
    }
    await eventually(async () => (await query<{ n: number }>('SELECT count(*)::int AS n FROM inbox_entry WHERE event_id = ANY($1)', [sentinels]))[0].n === CASES, {
      what: 'every referral handled',
    });

    // Referred 3 times each (twice the same event, once the same fact again): each event taken once, one review each, opened once.
    expect(await query('SELECT count(*)::int AS n FROM inbox_entry WHERE event_id = ANY($1)', [referrals])).toEqual([{ n: 2 * CASES }]);
    const reviews = await query<{ case_id: string; status: string }>('SELECT case_id, status FROM joint_review WHERE case_id = ANY($1) ORDER BY case_id', [caseIds]);
    expect(reviews).toEqual([...caseIds].sort().map((caseId) => ({ case_id: caseId, status: 'open' })));
    expect(await eventsOf(Events.JointReviewOpened, caseIds)).toEqual(caseIds.map(() => 1));

    // Every involved agency sends its opinion twice at once: one is taken, the other refused with 409.
    const listed = await call('GET', '/api/joint-reviews?status=open', officer('approval'));
    const involved = new Map(
      (listed.body.jointReviews as { caseId: string; agencies: Agency[] }[]).filter((review) => caseIds.includes(review.caseId)).map((review) => [review.caseId, review.agencies]),
    );
    expect(involved.size).toBe(CASES);
    let sent = 0;
    for (const caseId of caseIds) {
      for (const agency of involved.get(caseId)!) {
        const auth = officer(agency);
        const opinion = { opinion: 'approve', reason: 'the entry concerns another person' };
        const answers = await Promise.all([1, 2].map(() => call('POST', `/api/joint-reviews/${caseId}/opinions`, auth, opinion)));
        sent += answers.length;
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
        const refused = answers.find((answer) => answer.status === 409)!.body as { error: { code: string } };
        expect(['already_answered', 'already_concluded']).toContain(refused.error.code);
      }
    }

    // Sent twice each, recorded once each; each review concluded once.
    const stored = await query<{ case_id: string; status: string; agencies: string[]; given: string[] }>(
      `SELECT case_id, status, agencies, ARRAY(SELECT o->>'agency' FROM jsonb_array_elements(opinions) o ORDER BY 1) AS given FROM joint_review WHERE case_id = ANY($1)`,
      [caseIds],
    );
    const recorded = stored.reduce((sum, review) => sum + review.given.length, 0);
    expect({ sent, recorded }).toEqual({ sent: 2 * recorded, recorded: [...involved.values()].reduce((sum, agencies) => sum + agencies.length, 0) });
    for (const review of stored) expect({ status: review.status, given: review.given }).toEqual({ status: 'approved', given: [...review.agencies].sort() });
    expect(await eventsOf(Events.JointReviewConcluded, caseIds)).toEqual(caseIds.map(() => 1));
  });
});
