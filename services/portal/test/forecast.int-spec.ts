import { forecastCompletion, getCatalogue, message, toWire } from '@work-permit/catalogue';
import { Decision, encodeEvent, Events, ItemStatus } from '@work-permit/contracts';
import { chinaDateOf } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { addCalendarDays } from '@work-permit/workdays';
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
  latestDate: string | null;
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

  async function publish(definition: (typeof Events)[keyof typeof Events], payload: object, caseId: string): Promise<void> {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
    await producer.disconnect();
  }

  async function submitCase() {
    const person = newPerson();
    const applicant = applicantToken(person);
    const response = await call('POST', '/api/cases', { auth: applicant, body: bodyFor(template, person, newUscc()) });
    expect(response.status).toBe(201);
    return { caseId: response.body.caseId as string, applicant };
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
      expect(pending.shifts[0].text).toMatch(/^补正材料待提交/);
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
