import type { AgencyCaseView, ItemView } from '@work-permit/agency-review';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, type Role, signToken } from '@work-permit/auth';
import { encodeEvent, type EventDefinition, Events, ItemStatus } from '@work-permit/contracts';
import { chinaDateOf } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { chinaDayFrom, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AdminApprovalConfig } from '../src/admin-approval.config';
import { AdminApprovalService } from '../src/admin-approval.service';
import { AppModule } from '../src/app.module';

const kafka = testKafka();
const DAY_MS = 86_400_000;
const WORK_PERMIT_ONLY = [{ code: 'WORK_PERMIT', action: 'issue' as const }];

// An applicant's token carries the identity the provider verified.
const token = (role: Role, agency?: Agency) =>
  signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `${role}-${randomUUID()}`, role, agency, ...(role === 'applicant' ? { passportNo: 'C01X00T47', nationality: 'DEU' } : {}) });

interface JointReviewView {
  caseId: string;
  status: string;
  agencies: string[];
  awaiting: string[];
  awaitingYou: boolean;
}

/** What an officer's workbench reads from admin-approval: the queue, one case, the joint reviews. */
describe('admin-approval: the officers’ workbench', () => {
  let service: ServiceUnderTest<AdminApprovalConfig>;
  let producer: Producer;
  let topic: string;
  // Two cases long past their due date, one withdrawn past it, one on time, one held by a joint review.
  const [overdue, lessOverdue, withdrawn, onTime, held] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  // Documents issued recently: the service judges their validity on today's date.
  const facts = (caseId: string) => exampleCaseFacts({ caseId, items: WORK_PERMIT_ONLY, materials: exampleMaterials(WORK_PERMIT_ONLY, chinaDayFrom(-9)) });

  const send = async (definition: EventDefinition, caseId: string, payload: object, occurredAt = new Date()) => {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId, occurredAt });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
  };
  const submitted = (caseId: string, daysAgo: number) => send(Events.CaseSubmitted, caseId, caseSubmittedOf(facts(caseId)), new Date(Date.now() - daysAgo * DAY_MS));

  /** Chinese is the default language of every reason; `lang` asks for another through Accept-Language. */
  const get = async <T>(path: string, auth = token('officer', 'approval'), lang?: 'zh' | 'en') => {
    const response = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${auth}`, ...(lang && { 'accept-language': lang }) } });
    return { status: response.status, body: (await response.json()) as T };
  };
  const queue = (query = '') => get<{ items: ItemView[]; total: number }>(`/api/items${query}`);
  const jointReviews = (query: string, agency: Agency) => get<{ jointReviews: JointReviewView[] }>(`/api/joint-reviews${query}`, token('officer', agency));

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'workbench');
    service = await startServiceUnderTest(AdminApprovalService, AdminApprovalConfig, (config) => consumingOnly(AppModule.register(config), AdminApprovalService, topic, config));
    producer = kafka.producer();
    await producer.connect();
    await submitted(overdue, 40);
    await submitted(lessOverdue, 30);
    await submitted(withdrawn, 40);
    await send(Events.CaseWithdrawn, withdrawn, { caseId: withdrawn, itemCodes: ['WORK_PERMIT'], reason: 'changed employer' });
    await submitted(onTime, 0);
    await submitted(held, 0);
    await send(Events.SharingItemProgressed, held, { caseId: held, itemCode: 'ABNORMAL_LIST_SCREENING', action: 'apply', agency: 'bigdata', status: ItemStatus.JOINT_REVIEW, reason: 'listed for visa fraud' });
    await eventually(
      async () => {
        const { body } = await queue();
        return body.total === 5 && body.items.some((i) => i.caseId === held && i.status === 'joint_review') && body.items.some((i) => i.caseId === withdrawn && i.status === 'withdrawn');
      },
      { what: 'the five cases in the queue' },
    );
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it('lists the queue overdue first, then soonest due, each item saying whether it is overdue', async () => {
    const { status, body } = await queue();
    expect(status).toBe(200);
    expect(body.items.map((i) => [i.caseId, i.overdue])).toEqual([
      [overdue, true],
      [lessOverdue, true],
      // Past its due date too, but withdrawn: final items are never overdue.
      [withdrawn, false],
      ...[onTime, held].sort().map((caseId) => [caseId, false]),
    ]);
    const today = chinaDateOf(new Date());
    expect(body.items[0].dueDate! < today && body.items[1].dueDate! < today).toBe(true);
    expect(body.items[0].dueDate! < body.items[1].dueDate!).toBe(true);
    expect(body.items.find((i) => i.caseId === onTime)).toMatchObject({ status: 'pending', overdue: false, code: 'WORK_PERMIT', flags: [] });
  });

  it('filters by overdue and status and pages, counting every match', async () => {
    expect((await queue('?overdue=true')).body).toMatchObject({ total: 2, items: [{ caseId: overdue }, { caseId: lessOverdue }] });
    expect((await queue('?overdue=false')).body.total).toBe(3);
    expect((await queue('?status=pending')).body).toMatchObject({ total: 3, items: [{ caseId: overdue }, { caseId: lessOverdue }, { caseId: onTime }] });
    expect((await queue('?status=pending&overdue=false')).body).toMatchObject({ total: 1, items: [{ caseId: onTime }] });
    expect((await queue('?limit=1&offset=1')).body).toMatchObject({ total: 5, items: [{ caseId: lessOverdue }] });
    const bad = await queue('?overdue=maybe');
    expect(bad.status).toBe(400);
    const messages = { zh: '取值不在允许范围内', en: 'overdue must be true or false' };
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'overdue', message: messages.zh, messages }] } });
    const inEnglish = await get('/api/items?overdue=maybe', token('officer', 'approval'), 'en');
    expect(inEnglish.body).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'overdue', message: messages.en, messages }] } });
  });

  it('shows one case as the agency holds it: items with what a decision needs, the people, the documents', async () => {
    const { status, body } = await get<AgencyCaseView>(`/api/items/${overdue}`);
    expect(status).toBe(200);
    const expected = facts(overdue);
    expect(body).toMatchObject({
      caseId: overdue,
      agency: 'approval',
      applicantId: expected.applicantId,
      catalogueVersion: expected.catalogueVersion,
      submittedOn: chinaDateOf(new Date(Date.now() - 40 * DAY_MS)),
      chosenItems: WORK_PERMIT_ONLY,
      applicant: { passportNo: expected.body.applicant.passportNo, nationality: expected.body.applicant.nationality, surname: expected.body.applicant.surname },
      employer: { uscc: expected.body.employer.uscc, name: expected.body.employer.name },
      employment: { position: expected.body.employment.position, annualSalaryCny: expected.body.employment.annualSalaryCny },
      materials: expected.materials,
      knownOutcomes: [],
      heldByJointReview: false,
      jointReview: null,
    });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      caseId: overdue,
      code: 'WORK_PERMIT',
      status: 'pending',
      overdue: true,
      decidedBy: null,
      result: null,
      decision: {
        allowed: ['supplement'],
        refused: [
          { decision: 'approve', code: 'not_ready', reason: expect.stringContaining('须待外国人才类别认定（积分）') },
          { decision: 'reject', code: 'not_ready', reason: expect.stringContaining('须待外国人才类别认定（积分）') },
        ],
        waitingFor: expect.arrayContaining(['TALENT_CATEGORY', 'ABNORMAL_LIST_SCREENING']),
      },
    });
    const inEnglish = await get<AgencyCaseView>(`/api/items/${overdue}`, token('officer', 'approval'), 'en');
    expect(inEnglish.body.items[0].decision.refused).toEqual([
      expect.objectContaining({ decision: 'approve', code: 'not_ready', reason: expect.stringContaining('Talent category confirmation (points)') }),
      expect.objectContaining({ decision: 'reject', code: 'not_ready', reason: expect.stringContaining('Talent category confirmation (points)') }),
    ]);
  });

  it('shows a withdrawn item final, with nothing left to decide', async () => {
    const { body } = await get<AgencyCaseView>(`/api/items/${withdrawn}`);
    // Who withdrew it in the reader's language, the applicant's own words as written.
    expect(body.items[0]).toMatchObject({ status: 'withdrawn', overdue: false, reason: '由申请人撤回；changed employer', decision: { allowed: [], waitingFor: [] } });
    expect((await get<AgencyCaseView>(`/api/items/${withdrawn}`, token('officer', 'approval'), 'en')).body.items[0].reason).toBe('withdrawn by the applicant; changed employer');
    const withdrawal = { zh: '由申请人撤回；changed employer', en: 'withdrawn by the applicant; changed employer' };
    expect(body.knownOutcomes).toEqual([{ code: 'WORK_PERMIT', status: 'withdrawn', reason: withdrawal.zh, reasons: withdrawal }]);
  });

  it('says when a joint review holds the case', async () => {
    const { body } = await get<AgencyCaseView>(`/api/items/${held}`);
    expect(body).toMatchObject({ heldByJointReview: true, jointReview: { status: 'open', reason: 'listed for visa fraud' } });
    expect(body.items[0]).toMatchObject({ status: 'joint_review', decision: { allowed: [] } });
  });

  it('answers 404 for a case not here, 400 for a malformed id, 403 for other agencies and roles', async () => {
    const unknown = await get<{ error: { code: string } }>(`/api/items/${randomUUID()}`);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'case_not_found' } } });
    expect((await get(`/api/items/not-a-case`)).status).toBe(400);
    expect((await get(`/api/items/${overdue}`, token('officer', 'psb'))).status).toBe(403);
    expect((await get(`/api/items/${overdue}`, token('applicant'))).status).toBe(403);
    expect((await fetch(`${service.url}/api/items/${overdue}`)).status).toBe(401);
  });

  it('lets any officer read the open joint reviews, marking those the caller’s agency owes an opinion on', async () => {
    const asPsb = await jointReviews('?status=open', 'psb');
    expect(asPsb.status).toBe(200);
    expect(asPsb.body.jointReviews).toEqual([expect.objectContaining({ caseId: held, status: 'open', agencies: ['approval', 'scitech'], awaiting: ['approval', 'scitech'], awaitingYou: false })]);
    expect((await jointReviews('?status=open', 'scitech')).body.jointReviews[0]).toMatchObject({ caseId: held, awaitingYou: true });
    expect((await get('/api/joint-reviews', token('analyst', 'bigdata'))).status).toBe(403);
  });

  it('lists a review under concluded once every involved agency has answered', async () => {
    const opinion = (agency: Agency) =>
      fetch(`${service.url}/api/joint-reviews/${held}/opinions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token('officer', agency)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ opinion: 'approve', reason: 'the listing concerns another person' }),
      });
    expect((await opinion('psb')).status).toBe(403);
    expect((await opinion('scitech')).status).toBe(200);
    expect((await jointReviews('?status=open', 'approval')).body.jointReviews[0]).toMatchObject({ awaiting: ['approval'], awaitingYou: true });
    expect((await opinion('approval')).status).toBe(200);
    expect((await jointReviews('?status=open', 'approval')).body.jointReviews).toEqual([]);
    expect((await jointReviews('?status=concluded', 'psb')).body.jointReviews).toEqual([expect.objectContaining({ caseId: held, status: 'approved', awaiting: [], awaitingYou: false })]);
    expect((await get<AgencyCaseView>(`/api/items/${held}`)).body).toMatchObject({ heldByJointReview: false, jointReview: { status: 'approved' } });
  });
});
