import { forecastCompletion, getCatalogue, message, toWire } from '@work-permit/catalogue';
import { Decision, encodeEvent, Events, ItemStatus } from '@work-permit/contracts';
import { chinaDateOf } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { addCalendarDays, dueDate } from '@work-permit/workdays';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';
import { applicantToken, bodyFor, bodyFromForm, newPerson, newUscc, staffToken } from './parties';

const kafka = testKafka();

const TWO_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
] as const;

interface ItemForecast {
  code: string;
  state: string;
  status?: string;
  earliestDate: string | null;
  expectedDate: string | null;
  latestDate: string | null;
  basis: { earliest: string; latest: string; expected: string; observedDecisions: number; medianWorkingDays?: number; code: string; text: string; texts: { zh: string; en: string } } | null;
  dependsOn: string[];
  onCriticalPath: boolean;
  explanation: string;
  explanations: { zh: string; en: string };
  shifts: { code: string; text: string; texts: { zh: string; en: string } }[];
}

describe('portal forecast', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let topic: string;
  let template: Record<string, unknown>;
  let materialsDirectory: string;

  const call = async (method: string, path: string, { auth, body, headers = {} }: { auth?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  /** Publishes an agency's event on the test topic (as its agency would, keyed by case); `send` again to deliver the same event twice. */
  async function publish(definition: (typeof Events)[keyof typeof Events], payload: object, caseId: string, { to = topic, occurredAt }: { to?: string; occurredAt?: Date } = {}) {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId, occurredAt });
    const send = async () => {
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: to, messages: [{ key: event.key, value: event.value }] });
      await producer.disconnect();
    };
    await send();
    return { send };
  }

  async function submitCase(on = portal) {
    const person = newPerson();
    const applicant = applicantToken(person);
    const response = await fetch(`${on.url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${applicant}` },
      body: JSON.stringify(bodyFor(template, person, newUscc())),
    });
    expect(response.status).toBe(201);
    return { caseId: ((await response.json()) as { caseId: string }).caseId, applicant };
  }

  const itemOf = (view: { items: ItemForecast[] }, code: string) => view.items.find((i) => i.code === code)!;

  beforeAll(async () => {
    materialsDirectory = await mkdtemp(join(tmpdir(), 'portal-forecast-'));
    topic = await createTestTopic(kafka, 'portal-forecast');
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => consumingOnly(AppModule.register(config), PortalService, topic, config), { MATERIALS_DIR: materialsDirectory });
    const form = await call('POST', '/api/forms', { body: { items: TWO_ITEMS } });
    expect(form.status).toBe(200);
    template = bodyFromForm(form.body.fields, [...TWO_ITEMS]);
  });

  afterAll(async () => {
    await portal?.close();
    await rm(materialsDirectory, { recursive: true, force: true });
  });

  describe('GET /api/cases/:caseId/forecast', () => {
    it('forecasts a submitted case and moves with a supplement request and a decision', async () => {
      const { caseId, applicant } = await submitCase();
      const today = chinaDateOf(new Date());
      const plain = forecastCompletion(getCatalogue(), { selection: [...TWO_ITEMS], submittedOn: today });

      const first = await call('GET', `/api/cases/${caseId}/forecast`, { auth: applicant });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        caseId,
        submittedOn: today,
        today,
        earliestDate: plain.earliestDate,
        latestDate: plain.latestDate,
        criticalPath: ['WORK_PERMIT', 'RESIDENCE_PERMIT'],
      });
      expect(itemOf(first.body, 'WORK_PERMIT')).toMatchObject({ status: 'pending', state: 'forecast', earliestDate: today, latestDate: plain.items[0].latestDate, dependsOn: [], onCriticalPath: true });
      expect(itemOf(first.body, 'RESIDENCE_PERMIT')).toMatchObject({ dependsOn: ['WORK_PERMIT'], latestDate: addCalendarDays(plain.items[0].latestDate!, 15) });
      // Chinese by default, English on request, both beside.
      const workPermit = itemOf(first.body, 'WORK_PERMIT');
      expect(workPermit.explanation).toBe(workPermit.explanations.zh);
      expect(workPermit.explanation).toMatch(/^最早.*法定期限20个工作日，依法可延长10个工作日/);
      const english = await call('GET', `/api/cases/${caseId}/forecast?lang=en`, { auth: applicant });
      expect(itemOf(english.body, 'WORK_PERMIT').explanation).toBe(workPermit.explanations.en);

      // Pre-review asks for a document: the work permit's clock stops, and the forecast says so.
      await publish(
        Events.ApprovalItemProgressed,
        { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', status: ItemStatus.AWAITING_SUPPLEMENT, requestedMaterials: ['PASSPORT'], reason: '护照复印件无法辨认', reasonMessage: toWire(message('officer.reason', { text: '护照复印件无法辨认' })) },
        caseId,
      );
      const asked = await eventually(async () => {
        const view = await call('GET', `/api/cases/${caseId}/forecast`, { auth: applicant });
        return itemOf(view.body, 'WORK_PERMIT').status === 'awaiting_supplement' && view.body;
      }, { what: 'the forecast to follow the supplement request' });
      const pending = itemOf(asked, 'WORK_PERMIT');
      expect(pending.shifts.map((s) => s.code)).toEqual(['forecast.shift.supplement_pending']);
      expect(pending.shifts[0].text).toMatch(/^补正材料期间暂停计时/);
      expect(pending.shifts[0].texts.en).toMatch(/^The clock stops while supplementary documents are awaited/);
      // The residence permit waits for the work permit: it moved too, and says why.
      expect(itemOf(asked, 'RESIDENCE_PERMIT').shifts.map((s) => s.code)).toEqual(['forecast.shift.prerequisite_supplement']);
      expect(pending.expectedDate! > workPermit.expectedDate!).toBe(true);
      // The latest now assumes the documents come on the notice's deadline, 30 days on: later than before.
      expect(pending.latestDate! > workPermit.latestDate!).toBe(true);
      expect(asked.latestDate > first.body.latestDate).toBe(true);

      // The permit is granted: fixed at today; the residence permit's clock starts today, 15 calendar days.
      await publish(
        Events.ApprovalItemDecided,
        { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo: 'WP-F1', category: 'B', points: 70, validFrom: today, validTo: addCalendarDays(today, 700) } },
        caseId,
      );
      const decided = await eventually(async () => {
        const view = await call('GET', `/api/cases/${caseId}/forecast`, { auth: applicant });
        return itemOf(view.body, 'WORK_PERMIT').state === 'decided' && view.body;
      }, { what: 'the forecast to follow the decision' });
      expect(itemOf(decided, 'WORK_PERMIT')).toMatchObject({ status: 'granted', earliestDate: today, latestDate: today, shifts: [] });
      expect(itemOf(decided, 'RESIDENCE_PERMIT')).toMatchObject({ earliestDate: today, latestDate: addCalendarDays(today, 15) });
      expect(decided).toMatchObject({ latestDate: addCalendarDays(today, 15), criticalPath: ['WORK_PERMIT', 'RESIDENCE_PERMIT'] });
    });

    it('answers another applicant as the case view does (not found), and shows an officer only its agency’s items', async () => {
      const { caseId } = await submitCase();
      const stranger = applicantToken(newPerson());
      const view = await call('GET', `/api/cases/${caseId}`, { auth: stranger });
      const forecast = await call('GET', `/api/cases/${caseId}/forecast`, { auth: stranger });
      expect(view.status).toBe(404);
      expect(forecast.status).toBe(404);
      expect(forecast.body.error).toMatchObject({ code: 'case_not_found' });

      const officer = await call('GET', `/api/cases/${caseId}/forecast`, { auth: staffToken('officer', 'psb') });
      expect(officer.status).toBe(200);
      expect(officer.body.items.map((i: ItemForecast) => i.code)).toEqual(['RESIDENCE_PERMIT']);
      expect(officer.body.criticalPath).toEqual(['RESIDENCE_PERMIT']);
      expect((await call('GET', `/api/cases/${caseId}/forecast`, { auth: staffToken('officer', 'hrss') })).status).toBe(404);
    });

    it('asks for a token', async () => {
      const { caseId } = await submitCase();
      expect((await call('GET', `/api/cases/${caseId}/forecast`)).status).toBe(401);
    });
  });

  describe('observed decision times', () => {
    // A portal of its own (its own database and topic), so only this test's decisions are observed; three are enough here.
    let learning: ServiceUnderTest<PortalConfig>;
    let learningTopic: string;
    let learningMaterials: string;

    beforeAll(async () => {
      learningMaterials = await mkdtemp(join(tmpdir(), 'portal-forecast-observed-'));
      learningTopic = await createTestTopic(kafka, 'portal-forecast-observed');
      learning = await startServiceUnderTest(PortalService, PortalConfig, (config) => consumingOnly(AppModule.register(config), PortalService, learningTopic, config), {
        MATERIALS_DIR: learningMaterials,
        FORECAST_MIN_OBSERVATIONS: '3',
      });
    });

    afterAll(async () => {
      await learning?.close();
      await rm(learningMaterials, { recursive: true, force: true });
    });

    const forecastOf = async (caseId: string, auth: string) => {
      const response = await fetch(`${learning.url}/api/cases/${caseId}/forecast`, { headers: { authorization: `Bearer ${auth}` } });
      expect(response.status).toBe(200);
      return (await response.json()) as { expectedDate: string; latestDate: string; items: ItemForecast[] };
    };

    it('moves a later forecast’s expected date to the median of the decisions observed, each decision counted once however often it arrives', async () => {
      const today = chinaDateOf(new Date());
      // Noon in China on the day `workingDays` after today: when the agency's decision is dated.
      const decidedAt = (workingDays: number) => new Date(`${dueDate(today, { amount: workingDays, unit: 'working_days' }, [], { beyondCalendar: 'weekdays' })}T04:00:00Z`);
      const granted = (caseId: string, itemCode: string) => ({
        caseId,
        itemCode,
        action: 'issue',
        agency: itemCode === 'WORK_PERMIT' ? 'approval' : 'psb',
        decision: Decision.GRANTED,
        result: { permitNo: `P-${caseId.slice(0, 8)}`, validFrom: today, validTo: addCalendarDays(today, 700) },
      });

      const waiting = await submitCase(learning);
      const before = await forecastOf(waiting.caseId, waiting.applicant);
      const unmeasured = itemOf(before, 'WORK_PERMIT');
      // Nothing observed yet: the expected day is the law's limit, and the basis says so (Chinese by default).
      expect(unmeasured).toMatchObject({ expectedDate: unmeasured.latestDate, basis: { expected: 'statutory_limit', observedDecisions: 0 } });
      expect(unmeasured.basis!.text).toBe(unmeasured.basis!.texts.zh);
      expect(unmeasured.basis!.texts.zh).toMatch(/仅按法定期限估算（近期已办结0件，满3件后按实际用时估算）/);

      // Three work permits decided 2, 4 and 4 working days after their submission: the median is 4.
      const decided = [];
      for (const workingDays of [2, 4, 4]) {
        const { caseId } = await submitCase(learning);
        decided.push({ caseId, delivery: await publish(Events.ApprovalItemDecided, granted(caseId, 'WORK_PERMIT'), caseId, { to: learningTopic, occurredAt: decidedAt(workingDays) }) });
      }
      // The first decision delivered again (the same event), and decided again (another event: the item is final already).
      const [first] = decided;
      await first.delivery.send();
      await publish(Events.ApprovalItemDecided, granted(first.caseId, 'WORK_PERMIT'), first.caseId, { to: learningTopic, occurredAt: decidedAt(9) });
      // Behind them on the case's partition: its residence permit, so once it shows granted every event before it was handled.
      await publish(Events.PsbItemDecided, granted(first.caseId, 'RESIDENCE_PERMIT'), first.caseId, { to: learningTopic, occurredAt: decidedAt(9) });
      const statusOf = async (caseId: string, code: string) => {
        const view = await fetch(`${learning.url}/api/cases/${caseId}`, { headers: { authorization: `Bearer ${staffToken('admin')}` } }).then((r) => r.json() as Promise<{ items: { code: string; status: string }[] }>);
        return view.items.find((i) => i.code === code)?.status;
      };
      for (const { caseId } of decided) await eventually(async () => (await statusOf(caseId, 'WORK_PERMIT')) === 'granted', { what: `the work permit of ${caseId} granted` });
      await eventually(async () => (await statusOf(first.caseId, 'RESIDENCE_PERMIT')) === 'granted', { what: 'the residence permit decided behind the repeated decisions' });

      const after = await forecastOf(waiting.caseId, waiting.applicant);
      const measured = itemOf(after, 'WORK_PERMIT');
      // Three decisions, not four or five: the repeated delivery and the second decision were not counted.
      expect(measured.basis).toMatchObject({ expected: 'observed', observedDecisions: 3, medianWorkingDays: 4 });
      const expected = forecastCompletion(getCatalogue(), {
        selection: [...TWO_ITEMS],
        submittedOn: today,
        today,
        minimumObservations: 3,
        observed: { WORK_PERMIT: { decisions: 3, medianWorkingDays: 4 }, RESIDENCE_PERMIT: { decisions: 1, medianWorkingDays: 7 } },
      });
      expect(measured).toMatchObject({ expectedDate: expected.items[0].expectedDate, latestDate: unmeasured.latestDate });
      expect(measured.expectedDate).toBe(dueDate(today, { amount: 4, unit: 'working_days' }, [], { beyondCalendar: 'weekdays' }));
      expect(measured.expectedDate! < unmeasured.expectedDate!).toBe(true);
      expect(measured.basis!.texts).toEqual({
        zh: `预计${measured.expectedDate}：按近期已办结3件的实际用时中位数4个工作日估算，不晚于最迟日期`,
        en: `expected ${measured.expectedDate}: from the median of 3 recent decisions, 4 working days, never past the latest date`,
      });
      // The residence permit: one decision observed (below three), so still the limit alone, now counted from the work permit's expected day.
      expect(itemOf(after, 'RESIDENCE_PERMIT')).toMatchObject({ expectedDate: expected.items[1].expectedDate, basis: { expected: 'time_limit', observedDecisions: 1 } });
      expect(after.expectedDate < before.expectedDate).toBe(true);

      // The same for a selection before it is submitted.
      const selection = await fetch(`${learning.url}/api/forecast?lang=en`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: TWO_ITEMS }) }).then(
        (r) => r.json() as Promise<{ items: ItemForecast[] }>,
      );
      expect(itemOf(selection, 'WORK_PERMIT')).toMatchObject({ expectedDate: measured.expectedDate, basis: { expected: 'observed', observedDecisions: 3, text: measured.basis!.texts.en } });
    });
  });

  describe('POST /api/forecast', () => {
    it('forecasts a selection for a day of submission, without a token', async () => {
      const today = chinaDateOf(new Date());
      const submittedOn = addCalendarDays(today, 3);
      const response = await call('POST', '/api/forecast?lang=en', { body: { items: TWO_ITEMS, submittedOn } });
      expect(response.status).toBe(200);
      const expected = forecastCompletion(getCatalogue(), { selection: [...TWO_ITEMS], submittedOn });
      expect(response.body).toMatchObject({ submittedOn, earliestDate: expected.earliestDate, latestDate: expected.latestDate, criticalPath: ['WORK_PERMIT', 'RESIDENCE_PERMIT'] });
      expect(response.body).not.toHaveProperty('caseId');
      expect(itemOf(response.body, 'RESIDENCE_PERMIT').explanation).toMatch(/^earliest /);
      // Today in China when no day is given.
      expect((await call('POST', '/api/forecast', { body: { items: TWO_ITEMS } })).body.submittedOn).toBe(today);
    });

    it('refuses a bad body with 400, naming each field', async () => {
      const malformed = await call('POST', '/api/forecast', { body: { items: [{ code: 'work permit', action: 'fly' }], submittedOn: '28/09/2026', extra: true } });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'items.0.action', 'items.0.code', 'submittedOn']);

      const past = await call('POST', '/api/forecast', { body: { items: TWO_ITEMS, submittedOn: '2020-01-06' }, headers: { 'accept-language': 'en' } });
      expect(past.status).toBe(400);
      expect(past.body.error.details).toEqual([{ field: 'submittedOn', message: expect.stringMatching(/^must be a date YYYY-MM-DD from /), messages: { zh: expect.stringMatching(/^须为/), en: expect.any(String) } }]);

      const step = await call('POST', '/api/forecast', { body: { items: [{ code: 'TALENT_CATEGORY', action: 'apply' }] } });
      expect(step.status).toBe(400);
      expect(step.body.error.details.map((d: { field: string }) => d.field)).toEqual(['items']);
      expect((await call('POST', '/api/forecast', { body: { items: [] } })).body.error.details.map((d: { field: string }) => d.field)).toEqual(['items']);
    });
  });
});
