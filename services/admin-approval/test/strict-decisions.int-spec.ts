import { type ItemView, OverdueWatch } from '@work-permit/agency-review';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import type { ItemSelection } from '@work-permit/catalogue';
import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { Decision, decodeEvent, encodeEvent, type EventDefinition, Events, type ItemProgressed, ItemStatus, Topics } from '@work-permit/contracts';
import { chinaDateOf } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { dueDate } from '@work-permit/workdays';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminApprovalConfig } from '../src/admin-approval.config';
import { AdminApprovalService } from '../src/admin-approval.service';
import { AppModule } from '../src/app.module';

const kafka = testKafka();
const DATES = caseDates();
const ISSUE: ItemSelection[] = [{ code: 'WORK_PERMIT', action: 'issue' }];
const CHANGE: ItemSelection[] = [{ code: 'WORK_PERMIT', action: 'change' }];
/** A first-time applicant (no permit held in the last 3 years) from abroad, whose contract starts after the filing. */
const FIRST_TIME = { 'employment.contractStart': DATES.contractStart, 'employment.contractEnd': DATES.contractEnd, 'history.previousWorkPermitNo': undefined };
const CATEGORY_A = { category: 'A', points: 90, attributes: { route: 'points' } };

const officer = (agency: Agency) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `officer-${agency}-${randomUUID()}`, role: 'officer', agency });

/** Issue 13's strict decisions on the work permit service, its broker and its database; the portal and the other agencies played by the test. */
describe('admin-approval: decisions strict where the law is strict', () => {
  let service: ServiceUnderTest<AdminApprovalConfig>;
  let producer: Producer;
  let topic: string;

  const send = async (definition: EventDefinition, caseId: string, payload: object) => {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
  };
  const submit = (caseId: string, items = ISSUE, patch: Record<string, unknown> = FIRST_TIME, without: string[] = []) =>
    send(Events.CaseSubmitted, caseId, caseSubmittedOf(exampleCaseFacts({ caseId, items, patch, materials: exampleMaterials(items, DATES.issuedAt).filter((m) => !without.includes(m.code)) })));
  const talentCategory = (caseId: string, result: object = CATEGORY_A) =>
    send(Events.ScitechItemDecided, caseId, { caseId, itemCode: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', decision: Decision.GRANTED, result });
  const screened = (caseId: string) => send(Events.SharingItemDecided, caseId, { caseId, itemCode: 'ABNORMAL_LIST_SCREENING', action: 'apply', agency: 'bigdata', decision: Decision.GRANTED });

  const call = async <T>(method: string, path: string, body?: object, auth = officer('approval')) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
      ...(body && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const workPermit = (caseId: string) => call<ItemView>('GET', `/api/items/${caseId}/WORK_PERMIT`);
  /** The item as an officer who asked for English reads it (Chinese is the default). */
  const workPermitInEnglish = async (caseId: string) => {
    const response = await fetch(`${service.url}/api/items/${caseId}/WORK_PERMIT`, { headers: { authorization: `Bearer ${officer('approval')}`, 'accept-language': 'en' } });
    return (await response.json()) as ItemView;
  };
  const until = (caseId: string, what: string, settled: (item: ItemView) => boolean) =>
    eventually(
      async () => {
        const { status, body } = await workPermit(caseId);
        return status === 200 && settled(body) && body;
      },
      { what },
    );
  const progressOf = async (caseId: string, matches: (p: ItemProgressed) => boolean) =>
    (
      await collectFromTopic(kafka, Topics.approval, (m) => {
        const event = decodeEvent(m.value!);
        return event?.caseId === caseId && event.type === Events.ApprovalItemProgressed.type && matches(event.payload as ItemProgressed);
      })
    ).map((m) => decodeEvent(m.value!)!.payload as ItemProgressed);

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'strict-decisions');
    service = await startServiceUnderTest(AdminApprovalService, AdminApprovalConfig, (config) => consumingOnly(AppModule.register(config), AdminApprovalService, topic, config));
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it('asks a first-time applicant without a degree certificate for it by name, and never grants the permit automatically', async () => {
    const caseId = randomUUID();
    await submit(caseId, ISSUE, FIRST_TIME, ['HIGHEST_DEGREE']);
    await talentCategory(caseId);
    await screened(caseId);
    const asked = await until(caseId, 'the supplement request', (item) => item.status === 'awaiting_supplement');
    expect(asked.requestedMaterials).toEqual(['HIGHEST_DEGREE']);
    expect(asked.reason).toContain('最高学位（学历）证书');

    // Answered without it: every rule passes and both steps are granted, yet an officer decides.
    await send(Events.CaseSupplemented, caseId, { caseId, itemCode: 'WORK_PERMIT', materials: [] });
    const waiting = await until(caseId, 'the officer', (item) => item.status === 'in_review' && item.awaitingOfficer.length > 0);
    expect(waiting.awaitingOfficer).toEqual([expect.stringContaining('最高学位（学历）证书（经认证）')]);
    expect((await workPermitInEnglish(caseId)).awaitingOfficer).toEqual([expect.stringContaining('Highest degree certificate (authenticated)')]);
    expect(waiting.decidedBy).toBeNull();
  });

  it('changes the category only once the Science and Technology Bureau has classified the applicant again', async () => {
    const caseId = randomUUID();
    const change = { 'holdings.workPermitNo': 'WP20260123456789', 'holdings.workPermitValidTo': DATES.contractEnd, 'change.occurredOn': chinaDateOf(new Date()), 'change.workPermitItem': 'category' };
    await submit(caseId, CHANGE, change);
    await screened(caseId);
    const pending = await until(caseId, 'the change to wait for the category', (item) => item.status === 'pending');
    expect(pending.result).toBeNull();
    await talentCategory(caseId);
    const changed = await until(caseId, 'the change', (item) => item.status === 'granted');
    expect(changed.result).toEqual({ permitNo: 'WP20260123456789', validTo: DATES.contractEnd, category: 'A', points: 90 });

    // The findings in the reader's language: Chinese by default, English on request, both beside it.
    const categoryChange = {
      zh: '人才类别变更为A类（积分90分），经科学技术局认定。',
      en: 'The talent category changes to A (90 points), as confirmed by the Science and Technology Bureau.',
    };
    expect(changed.findings.find((f) => f.rule === 'category_change')).toMatchObject({ passed: true, message: categoryChange.zh, messages: categoryChange });
    expect(changed.findings.find((f) => f.rule === 'change_window')?.message).toMatch(/^于\d{4}-\d{2}-\d{2}发生变更后0日申请，在10日期限内。$/);
    const inEnglish = await workPermitInEnglish(caseId);
    expect(inEnglish.findings.find((f) => f.rule === 'category_change')).toMatchObject({ message: categoryChange.en, messages: categoryChange });
    expect(inEnglish.findings.find((f) => f.rule === 'held_permit_in_force')?.message).toBe(`The work permit held is valid until ${DATES.contractEnd}.`);
  });

  it('leaves a listed applicant’s permit to an officer after the joint review approves, and lets only a person grant it', async () => {
    const caseId = randomUUID();
    await submit(caseId);
    await talentCategory(caseId);
    await send(Events.SharingItemProgressed, caseId, { caseId, itemCode: 'ABNORMAL_LIST_SCREENING', action: 'apply', agency: 'bigdata', status: ItemStatus.JOINT_REVIEW, reason: 'listed for a forged degree' });
    await until(caseId, 'the joint review', (item) => item.status === 'joint_review');
    for (const agency of ['scitech', 'approval'] as const) {
      expect((await call('POST', `/api/joint-reviews/${caseId}/opinions`, { opinion: 'approve', reason: 'the entry concerns another person' }, officer(agency))).status).toBe(200);
    }
    const waiting = await until(caseId, 'an officer after the approval', (item) => item.status === 'in_review');
    expect(waiting.awaitingOfficer).toEqual([expect.stringContaining('严格审批')]);
    expect(waiting.decidedBy).toBeNull();

    const approved = await call<ItemView>('POST', `/api/items/${caseId}/WORK_PERMIT/decision`, { decision: 'approve' });
    expect(approved).toMatchObject({ status: 200, body: { status: 'granted', decidedBy: { kind: 'officer' } } });
  });

  it('extends the 20-working-day limit once by 10 with the reason, and escalates a permit whose limit ran out to the lead agency', async () => {
    const caseId = randomUUID();
    await submit(caseId);
    const opened = await until(caseId, 'the review', (item) => item.status === 'pending');
    const today = chinaDateOf(new Date());
    const limit = (amount: number) => dueDate(today, { amount, unit: 'working_days' }, [], { beyondCalendar: 'weekdays' });
    expect(opened).toMatchObject({ clockStartsOn: today, statutoryDueDate: limit(20), extension: null, escalated: false });

    expect((await call('POST', `/api/items/${caseId}/WORK_PERMIT/extension`, { reason: 'more time' }, officer('psb'))).status).toBe(403);
    expect((await call('POST', `/api/items/${caseId}/WORK_PERMIT/extension`, {})).status).toBe(400);
    const extended = await call<ItemView>('POST', `/api/items/${caseId}/WORK_PERMIT/extension`, { reason: 'the quota office must confirm the category' });
    expect(extended).toMatchObject({ status: 200, body: { statutoryDueDate: limit(30), dueDate: limit(30), extension: { amount: 10, reason: 'the quota office must confirm the category', on: today } } });
    const again = await call<{ error: { code: string; message: string } }>('POST', `/api/items/${caseId}/WORK_PERMIT/extension`, { reason: 'again' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'already_extended', message: expect.stringContaining('已延长过一次') } } });
    const announced = await progressOf(caseId, (p) => p.deadlineExtended);
    expect(announced).toEqual([expect.objectContaining({ statutoryDueDate: limit(30), dueDate: limit(30), reason: expect.stringContaining('the quota office must confirm the category') })]);

    // Time is what a test cannot wait for: the extended limit is moved back as if it had run out yesterday.
    const database = service.app.get(DataSource);
    await database.query(`UPDATE review_item SET statutory_due_date = current_date - 1 WHERE case_id = $1`, [caseId]);
    const watch = service.app.get(OverdueWatch);
    await watch.escalateStatutory();
    expect((await workPermit(caseId)).body).toMatchObject({ escalated: true, status: 'pending' });
    // Once: a second scan (or the service's own timer, or another replica) finds nothing more.
    expect(await watch.escalateStatutory()).toBe(0);
    const escalations = await progressOf(caseId, (p) => p.escalated);
    expect(escalations).toEqual([expect.objectContaining({ itemCode: 'WORK_PERMIT', reason: expect.stringContaining('已报牵头部门督办') })]);
    const queue = await call<{ items: ItemView[] }>('GET', '/api/items?escalated=true');
    expect(queue.body.items.map((item) => item.caseId)).toContain(caseId);
    expect((await call<{ items: ItemView[] }>('GET', '/api/items')).body.items[0]).toMatchObject({ escalated: true });
  });
});
