import { CancellationGround, type ContractEnded, Decision, decodeEvent, encodeEvent, Events, Topics } from '@work-permit/contracts';
import { message, officerReason, toWire } from '@work-permit/catalogue';
import { chinaDateOf } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { AppModule } from '../src/app.module';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';
import { applicantIdOfPerson, applicantToken, bodyFor, bodyFromForm, employerToken, newPerson, newUscc, type Person, staffToken } from './parties';

const kafka = testKafka();
const TWO_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
];
const DAY = 86_400_000;
const chinaDay = (offsetDays: number) => chinaDateOf(new Date(Date.now() + offsetDays * DAY));

interface Filed {
  caseId: string;
  person: Person;
  applicant: string;
  employer: string;
}

/**
 * Cancellation (注销) from the portal's side: the case's employer (or a window clerk) reports the end
 * of the contract behind a granted work permit; the report is checked, recorded once and announced;
 * the owner's cancellation then shows on the case, and the applicant and employer are told.
 */
describe('portal: reporting the end of the employment contract', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let producer: Producer;
  let topic: string;
  let formBody: Record<string, unknown>;

  const call = async (method: string, path: string, { auth, body, headers = {} }: { auth?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const report = (filed: Pick<Filed, 'caseId'>, auth: string, body: unknown = { endedOn: chinaDay(-3), reason: '合同期满，不再续签' }, headers: Record<string, string> = {}) =>
    call('POST', `/api/cases/${filed.caseId}/contract-end`, { auth, body, headers });

  async function filed(): Promise<Filed> {
    const person = newPerson();
    const uscc = newUscc();
    const employer = employerToken(uscc);
    const response = await call('POST', '/api/cases', { auth: employer, body: bodyFor(formBody, person, uscc) });
    expect(response.status).toBe(201);
    return { caseId: response.body.caseId, person, applicant: applicantToken(person), employer };
  }

  async function send(definition: (typeof Events)[keyof typeof Events], caseId: string, payload: object): Promise<void> {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
  }

  async function withGrantedPermit(): Promise<Filed> {
    const theCase = await filed();
    await send(Events.ApprovalItemDecided, theCase.caseId, {
      caseId: theCase.caseId,
      itemCode: 'WORK_PERMIT',
      action: 'issue',
      agency: 'approval',
      decision: Decision.GRANTED,
      result: { permitNo: `WP-${theCase.caseId.slice(0, 6)}`, validFrom: chinaDay(-200), validTo: chinaDay(500) },
    });
    await eventually(async () => (await call('GET', `/api/cases/${theCase.caseId}`, { auth: theCase.employer })).body.items.find((i: { code: string }) => i.code === 'WORK_PERMIT').status === 'granted', {
      what: 'the work permit granted on the case',
    });
    return theCase;
  }

  const reportsOnTheBus = async (caseId: string) =>
    (await collectFromTopic(kafka, Topics.portal, (m) => decodeEvent(m.value!)?.caseId === caseId && decodeEvent(m.value!)!.type === Events.CaseContractEnded.type, { settleMs: 2_000 })).map(
      (m) => decodeEvent(m.value!)!.payload as ContractEnded,
    );

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'contract-end');
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => consumingOnly(AppModule.register(config), PortalService, topic, config));
    producer = kafka.producer();
    await producer.connect();
    const form = await call('POST', '/api/forms', { body: { items: TWO_ITEMS } });
    formBody = bodyFromForm(form.body.fields, TWO_ITEMS);
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await portal?.close();
  });

  it("takes the employer's report once, late but taken, and announces it to the permit's owner", async () => {
    const theCase = await withGrantedPermit();
    const accepted = await report(theCase, theCase.employer, { endedOn: chinaDay(-15), reason: '合同期满，不再续签' });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({
      caseId: theCase.caseId,
      item: 'WORK_PERMIT',
      permitNo: `WP-${theCase.caseId.slice(0, 6)}`,
      endedOn: chinaDay(-15),
      reportedOn: chinaDay(0),
      daysAfterEnd: 15,
      windowDays: 10,
      late: true,
      status: 'reported',
    });
    const again = await report(theCase, theCase.employer);
    expect(again.status).toBe(409);
    // Chinese by default, English beside it and on request.
    expect(again.body.error).toEqual({
      code: 'contract_end_already_reported',
      message: `劳动合同终止已于${chinaDay(0)}报告，正在办理注销。`,
      messages: { zh: `劳动合同终止已于${chinaDay(0)}报告，正在办理注销。`, en: `The end of the contract was reported on ${chinaDay(0)}; the cancellation is under way.` },
    });
    expect((await report(theCase, theCase.employer, undefined, { 'accept-language': 'en' })).body.error.message).toBe(`The end of the contract was reported on ${chinaDay(0)}; the cancellation is under way.`);

    const [announced, ...more] = await reportsOnTheBus(theCase.caseId);
    expect(more).toEqual([]);
    expect(announced).toMatchObject({
      itemCode: 'WORK_PERMIT',
      permitNo: `WP-${theCase.caseId.slice(0, 6)}`,
      endedOn: chinaDay(-15),
      reason: '合同期满，不再续签',
      reportedBy: { role: 'employer' },
      daysAfterEnd: 15,
      windowDays: 10,
      late: true,
      applicantId: applicantIdOfPerson(theCase.person),
    });
    const view = await call('GET', `/api/cases/${theCase.caseId}`, { auth: theCase.applicant });
    expect(view.body.timeline.map((t: { type: string }) => t.type)).toContain('contract_end_reported');
  });

  it('shows the cancellation on the case, tells the applicant and the employer in zh and en, and refuses a report after it', async () => {
    const theCase = await withGrantedPermit();
    expect((await report(theCase, theCase.employer)).status).toBe(202);
    await send(Events.PermitCancelled, theCase.caseId, {
      caseId: theCase.caseId,
      itemCode: 'WORK_PERMIT',
      permitNo: `WP-${theCase.caseId.slice(0, 6)}`,
      cancelledOn: chinaDay(0),
      reason: '用人单位报告劳动合同已于…终止 / The employer reported …',
      reasonMessage: toWire(message('cancellation.contract_ended', { endedOn: chinaDay(-3), reportedReason: officerReason('合同期满，不再续签'), late: false, windowDays: 10 })),
      ground: CancellationGround.CONTRACT_ENDED,
      contractEndedOn: chinaDay(-3),
      applicantId: applicantIdOfPerson(theCase.person),
    });
    const cancelled = await eventually(async () => {
      const view = (await call('GET', `/api/cases/${theCase.caseId}`, { auth: theCase.applicant })).body;
      const permit = view.items.find((i: { code: string }) => i.code === 'WORK_PERMIT');
      return permit.result?.cancelledOn && { view, permit };
    }, { what: 'the cancellation on the case' });
    expect(cancelled.permit).toMatchObject({
      status: 'granted',
      result: {
        permitNo: `WP-${theCase.caseId.slice(0, 6)}`,
        cancelledOn: chinaDay(0),
        cancellationReason: `用人单位报告劳动合同已于${chinaDay(-3)}终止（合同期满，不再续签），外国人来华工作许可予以注销。`,
        cancellationReasons: { zh: expect.stringContaining('用人单位报告'), en: `The employer reported that the employment contract ended on ${chinaDay(-3)} (合同期满，不再续签); the work permit is cancelled.` },
      },
    });
    expect(cancelled.permit.result).not.toHaveProperty('cancellationReasonMessage');
    const inEnglish = (await call('GET', `/api/cases/${theCase.caseId}?lang=en`, { auth: theCase.applicant })).body.items.find((i: { code: string }) => i.code === 'WORK_PERMIT');
    expect(inEnglish.result.cancellationReason).toBe(`The employer reported that the employment contract ended on ${chinaDay(-3)} (合同期满，不再续签); the work permit is cancelled.`);
    expect(cancelled.view.timeline).toContainEqual(expect.objectContaining({ type: 'cancelled', agency: 'approval', item: 'WORK_PERMIT' }));

    for (const auth of [theCase.applicant, theCase.employer]) {
      const notices = await eventually(async () => {
        const inbox = (await call('GET', '/api/notifications?lang=zh', { auth })).body.notifications as { kind: string; title: string; body: string }[];
        return inbox.find((n) => n.kind === 'permit_cancelled');
      }, { what: 'the cancellation notice' });
      expect(notices.title).toMatch(/^已注销：/);
      expect(notices.body).toContain(`已于${chinaDay(0)}注销`);
    }
    const english = (await call('GET', '/api/notifications?lang=en', { auth: theCase.applicant })).body.notifications as { kind: string; body: string }[];
    expect(english.find((n) => n.kind === 'permit_cancelled')?.body).toContain(`was cancelled on ${chinaDay(0)} and is no longer valid. The employer reported that the employment contract ended on ${chinaDay(-3)}.`);

    const after = await report(theCase, staffToken('clerk'));
    expect(after.status).toBe(409);
    expect(after.body.error).toMatchObject({ code: 'permit_already_cancelled', message: expect.stringContaining(`已于${chinaDay(0)}注销`), messages: { en: `The work permit of this case was cancelled on ${chinaDay(0)}.` } });
  });

  it('refuses what the rules refuse: a permit not granted, a future end, unknown fields; and who may not report', async () => {
    const pending = await filed();
    const notGranted = await report(pending, pending.employer);
    expect(notGranted.status).toBe(409);
    expect(notGranted.body.error).toMatchObject({
      code: 'permit_not_granted',
      message: expect.stringMatching(/^本案外国人来华工作许可尚未批准/),
      messages: { en: 'The work permit of this case has not been granted; there is no permit to cancel.' },
    });

    const theCase = await withGrantedPermit();
    const future = await report(theCase, theCase.employer, { endedOn: chinaDay(2), reason: 'x' });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({
      code: 'validation_failed',
      message: '请求中有无效字段',
      details: [{ field: 'endedOn', message: expect.stringContaining('不得晚于今天'), messages: { en: expect.stringContaining('must not be after today') } }],
    });
    const futureInEnglish = await report(theCase, theCase.employer, { endedOn: chinaDay(2), reason: 'x' }, { 'accept-language': 'en' });
    expect(futureInEnglish.body.error).toMatchObject({ message: 'the request has invalid fields', details: [{ field: 'endedOn', message: expect.stringContaining('must not be after today') }] });
    const bad = await report(theCase, theCase.employer, { endedOn: '2026-02-30', reason: '', extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['endedOn', 'extra', 'reason']);

    // Another employer and an unknown case look the same; the applicant and the officers have no say.
    expect((await report(theCase, employerToken(newUscc()))).status).toBe(404);
    expect((await report({ caseId: '00000000-0000-4000-8000-000000000000' }, theCase.employer)).status).toBe(404);
    expect((await report(theCase, theCase.applicant)).status).toBe(403);
    expect((await report(theCase, staffToken('officer', 'approval'))).status).toBe(403);
    expect((await report(theCase, undefined as unknown as string)).status).toBe(401);

    // A window clerk takes the employer's report in person.
    const atTheWindow = await report(theCase, staffToken('clerk'));
    expect(atTheWindow).toMatchObject({ status: 202, body: { late: false, daysAfterEnd: 3 } });
    const [announced] = await reportsOnTheBus(theCase.caseId);
    expect(announced.reportedBy).toMatchObject({ role: 'clerk' });
  });
});
