import { LOCAL_DEVELOPMENT_JWT_SECRET, type Role, signToken } from '@work-permit/auth';
import {
  type CaseSubmitted,
  Channel,
  decodeEnvelope,
  decodeEvent,
  Decision,
  encodeEvent,
  Events,
  ItemStatus,
  Topics,
} from '@work-permit/contracts';
import { startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';

const kafka = testKafka();
const token = (role: Role, subject = `${role}-${randomUUID()}`, agency?: 'approval' | 'psb' | 'hrss' | 'scitech' | 'bigdata') =>
  signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role, agency });

interface FormField {
  path: string;
  example: unknown;
}

/** A body that passes: every field of the merged form filled with its own example. */
function bodyFrom(fields: FormField[], items: { code: string; action: string }[]): Record<string, unknown> {
  const body: Record<string, unknown> = { items, materials: [] };
  for (const { path, example } of fields) {
    const keys = path.split('.');
    let node = body;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]] = example;
  }
  return body;
}

const TWO_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
];

describe('portal cases', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let validBody: Record<string, unknown>;
  let materialsDirectory: string;

  const call = async (method: string, path: string, { auth, body, headers = {} }: { auth?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };

  const upload = async (auth: string, bytes: Buffer, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await fetch(`${portal.url}/api/materials`, { method: 'POST', headers: { authorization: `Bearer ${auth}` }, body: form });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const caseSubmittedFor = (caseId: string) =>
    collectFromTopic(kafka, Topics.portal, (m) => decodeEnvelope(m.value!).caseId === caseId && decodeEnvelope(m.value!).type === Events.CaseSubmitted.type);

  beforeAll(async () => {
    materialsDirectory = await mkdtemp(join(tmpdir(), 'portal-cases-'));
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => AppModule.register(config), { MATERIALS_DIR: materialsDirectory });
    const form = await call('POST', '/api/forms', { body: { items: TWO_ITEMS } });
    expect(form.status).toBe(200);
    validBody = bodyFrom(form.body.fields, TWO_ITEMS);
  });

  afterAll(async () => {
    await portal?.close();
    await rm(materialsDirectory, { recursive: true, force: true });
  });

  describe('submission', () => {
    it('stores a valid case and puts exactly one enveloped CaseSubmitted on the bus', async () => {
      const applicant = token('applicant');
      const response = await call('POST', '/api/cases', { auth: applicant, body: validBody });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ caseId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'in_progress' });
      const { caseId } = response.body;

      const messages = await caseSubmittedFor(caseId);
      expect(messages).toHaveLength(1);
      expect(messages[0].key?.toString()).toBe(caseId);
      const event = decodeEvent(messages[0].value!)!;
      expect(event).toMatchObject({ type: 'portal.case.submitted', schemaVersion: 1, producer: 'portal', caseId, correlationId: caseId });
      const payload = event.payload as CaseSubmitted;
      expect(payload.channel).toBe(Channel.ONLINE);
      expect(payload.items.map((i) => i.code)).toEqual(['WORK_PERMIT', 'RESIDENCE_PERMIT']);
      expect(payload.applicant?.passportNo).toBe((validBody.applicant as { passportNo: string }).passportNo);
      expect(payload.catalogueVersion).toMatch(/^\d{4}\.\d+$/);

      const view = await call('GET', `/api/cases/${caseId}`, { auth: applicant });
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ caseId, status: 'in_progress', channel: 'online', timeline: [{ type: 'submitted' }] });
      expect(view.body.items).toEqual(
        expect.arrayContaining([
          // Until each agency reports that it has taken the item up.
          expect.objectContaining({ code: 'WORK_PERMIT', agency: 'approval', status: 'pending', dueDate: null }),
          expect.objectContaining({ code: 'RESIDENCE_PERMIT', agency: 'psb', status: 'pending', dueDate: null }),
        ]),
      );
    });

    it('gives one case and one event for the same Idempotency-Key twice', async () => {
      const employer = token('employer');
      const key = randomUUID();
      const first = await call('POST', '/api/cases', { auth: employer, body: validBody, headers: { 'idempotency-key': key } });
      const second = await call('POST', '/api/cases', { auth: employer, body: validBody, headers: { 'idempotency-key': key } });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body.caseId).toBe(first.body.caseId);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await caseSubmittedFor(first.body.caseId)).toHaveLength(1);
      const mine = await call('GET', '/api/cases?mine=true', { auth: employer });
      expect(mine.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([first.body.caseId]);
    });

    it('refuses the same Idempotency-Key with a different body', async () => {
      const applicant = token('applicant');
      const key = randomUUID();
      await call('POST', '/api/cases', { auth: applicant, body: validBody, headers: { 'idempotency-key': key } });
      const changed = { ...validBody, employment: { ...(validBody.employment as object), position: 'Another position' } };
      const again = await call('POST', '/api/cases', { auth: applicant, body: changed, headers: { 'idempotency-key': key } });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('idempotency_key_reused');
    });

    it('answers a body with several bad fields with one 400 naming each of them', async () => {
      const applicant = validBody.applicant as Record<string, unknown>;
      const employer = validBody.employer as Record<string, unknown>;
      const bad = {
        ...validBody,
        applicant: { ...applicant, passportNo: 'no!', nationality: 'XXX', birthDate: '1990-02-30', favouriteColour: 'blue' },
        employer: { ...employer, uscc: '91370000MA3C5LXX0X' },
      };
      const response = await call('POST', '/api/cases', { auth: token('applicant'), body: bad });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      const fields = response.body.error.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['applicant.passportNo', 'applicant.nationality', 'applicant.birthDate', 'applicant.favouriteColour', 'employer.uscc']),
      );
      for (const detail of response.body.error.details) expect(detail.message).toEqual(expect.any(String));
    });

    it('names the items when the selection itself is wrong', async () => {
      const response = await call('POST', '/api/cases', { auth: token('applicant'), body: { ...validBody, items: [{ code: 'FISHING_LICENCE', action: 'issue' }] } });
      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual([{ field: 'items', message: expect.stringContaining('FISHING_LICENCE') }]);
    });

    it('rejects an unknown top-level field', async () => {
      const response = await call('POST', '/api/cases', { auth: token('applicant'), body: { ...validBody, discount: true } });
      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'discount' })]));
    });

    it('refuses an item whose prerequisite is neither chosen nor held, with the reason', async () => {
      const form = await call('POST', '/api/forms', { body: { items: [{ code: 'RESIDENCE_PERMIT', action: 'issue' }] } });
      const body = bodyFrom(
        form.body.fields.filter((f: FormField) => !f.path.startsWith('holdings.')),
        [{ code: 'RESIDENCE_PERMIT', action: 'issue' }],
      );
      const response = await call('POST', '/api/cases', { auth: token('applicant'), body });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('selection_refused');
      expect(response.body.error.details).toEqual([expect.objectContaining({ item: 'RESIDENCE_PERMIT', code: 'prerequisite_missing', message: expect.stringContaining('WORK_PERMIT') })]);
    });

    it('refuses a work permit extension filed outside 30 to 90 days before expiry, and takes one inside', async () => {
      const extend = [{ code: 'WORK_PERMIT', action: 'extend' }];
      const form = await call('POST', '/api/forms', { body: { items: extend } });
      const body = bodyFrom(form.body.fields, extend) as { holdings: { workPermitValidTo: string } };
      const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

      body.holdings.workPermitValidTo = inDays(200);
      const early = await call('POST', '/api/cases', { auth: token('applicant'), body });
      expect(early.status).toBe(422);
      expect(early.body.error.details).toEqual([expect.objectContaining({ item: 'WORK_PERMIT', code: 'outside_filing_window' })]);

      body.holdings.workPermitValidTo = inDays(60);
      expect((await call('POST', '/api/cases', { auth: token('applicant'), body })).status).toBe(201);
    });

    it('answers 401 without a token and 403 to an officer', async () => {
      expect((await call('POST', '/api/cases', { body: validBody })).status).toBe(401);
      const officer = await call('POST', '/api/cases', { auth: token('officer', 'o-1', 'psb'), body: validBody });
      expect(officer.status).toBe(403);
      expect(officer.body.error.code).toBe('forbidden');
    });

    it("takes a clerk's submission as the offline window channel", async () => {
      const clerk = token('clerk');
      const { body } = await call('POST', '/api/cases', { auth: clerk, body: validBody });
      const view = await call('GET', `/api/cases/${body.caseId}`, { auth: clerk });
      expect(view.body.channel).toBe('offline');
      const [message] = await caseSubmittedFor(body.caseId);
      expect((decodeEvent(message.value!)!.payload as CaseSubmitted).channel).toBe(Channel.OFFLINE);
    });

    it("hides a case from other applicants and shows an officer only its agency's items", async () => {
      const { body } = await call('POST', '/api/cases', { auth: token('applicant'), body: validBody });
      expect((await call('GET', `/api/cases/${body.caseId}`, { auth: token('applicant') })).status).toBe(404);
      const psb = await call('GET', `/api/cases/${body.caseId}`, { auth: token('officer', 'o-2', 'psb') });
      expect(psb.body.items.map((i: { code: string }) => i.code)).toEqual(['RESIDENCE_PERMIT']);
      expect((await call('GET', `/api/cases/${body.caseId}`, { auth: token('officer', 'o-3', 'hrss') })).status).toBe(404);
    });
  });

  describe('following the agencies', () => {
    async function publish(definition: (typeof Events)[keyof typeof Events], payload: object, caseId: string): Promise<void> {
      const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: event.topic, messages: [{ key: event.key, value: event.value }] });
      await producer.disconnect();
    }

    it('shows a decision with its result and completes the case when every item is final', async () => {
      const applicant = token('applicant');
      const { body } = await call('POST', '/api/cases', { auth: applicant, body: validBody });
      const caseId = body.caseId as string;
      await publish(Events.ApprovalItemDecided, { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo: 'WP-1', category: 'A', points: 92, validFrom: '2026-03-01', validTo: '2028-02-28' } }, caseId);
      const granted = await eventually(async () => {
        const view = await call('GET', `/api/cases/${caseId}`, { auth: applicant });
        return view.body.items.find((i: { code: string }) => i.code === 'WORK_PERMIT').status === 'granted' && view.body;
      }, { what: 'the portal to follow the decision' });
      expect(granted.items.find((i: { code: string }) => i.code === 'WORK_PERMIT').result).toEqual({ permitNo: 'WP-1', category: 'A', points: 92, validFrom: '2026-03-01', validTo: '2028-02-28' });
      expect(granted.timeline.map((t: { type: string }) => t.type)).toEqual(['submitted', 'decided']);
      expect(granted.status).toBe('in_progress');

      await publish(Events.PsbItemDecided, { caseId, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', decision: Decision.REJECTED, reason: 'passport expires too soon' }, caseId);
      await eventually(async () => (await call('GET', `/api/cases/${caseId}`, { auth: applicant })).body.status === 'completed', { what: 'the case to complete' });
    });

    it('takes a supplement for an item awaiting one, publishes it and puts the item back in review', async () => {
      const applicant = token('applicant');
      const { body } = await call('POST', '/api/cases', { auth: applicant, body: validBody });
      const caseId = body.caseId as string;
      const uploaded = await upload(applicant, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(randomUUID())]), 'passport.pdf');
      expect(uploaded.status).toBe(201);
      const material = { code: 'PASSPORT', sha256: uploaded.body.sha256 as string, fileName: 'passport.pdf', issuedAt: '2026-01-10' };

      const early = await call('POST', `/api/cases/${caseId}/supplements`, { auth: applicant, body: { item: 'WORK_PERMIT', materials: [material] } });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('not_awaiting_supplement');

      await publish(Events.ApprovalItemProgressed, { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', status: ItemStatus.AWAITING_SUPPLEMENT, requestedMaterials: ['PASSPORT'], reason: 'passport copy unreadable' }, caseId);
      const workPermitOf = async () => (await call('GET', `/api/cases/${caseId}`, { auth: applicant })).body.items.find((i: { code: string }) => i.code === 'WORK_PERMIT');
      const asked = await eventually(async () => {
        const item = await workPermitOf();
        return item.status === 'awaiting_supplement' && item;
      }, { what: 'the supplement request' });
      expect(asked.requestedMaterials).toEqual(['PASSPORT']);

      const malformed = await call('POST', `/api/cases/${caseId}/supplements`, {
        auth: applicant,
        body: { item: 'WORK_PERMIT', materials: [{ ...material, sha256: 'not-a-hash' }, { ...material, code: 'FISHING_LICENCE' }, { ...material, sha256: 'b'.repeat(64) }] },
      });
      expect(malformed.status).toBe(400);
      // A document never uploaded is named with the catalogue's findings, in the same 400.
      expect(malformed.body.error.details.map((d: { field: string }) => d.field)).toEqual(['materials.0.sha256', 'materials.1.code', 'materials.2.sha256']);

      const answered = await call('POST', `/api/cases/${caseId}/supplements`, { auth: applicant, body: { item: 'WORK_PERMIT', materials: [material] } });
      expect(answered.status).toBe(200);
      expect(answered.body).toEqual({ caseId, item: 'WORK_PERMIT', status: 'in_review' });
      const supplemented = await collectFromTopic(kafka, Topics.portal, (m) => decodeEnvelope(m.value!).caseId === caseId && decodeEnvelope(m.value!).type === Events.CaseSupplemented.type);
      expect(supplemented).toHaveLength(1);
      const view = await call('GET', `/api/cases/${caseId}`, { auth: applicant });
      expect(view.body.timeline.map((t: { type: string }) => t.type)).toEqual(['submitted', 'supplement_requested', 'supplemented']);
      expect(view.body.materials).toEqual([{ ...material, contentType: 'application/pdf', size: uploaded.body.size }]);
    });

    it('withdraws every item not yet final, once', async () => {
      const employer = token('employer');
      const { body } = await call('POST', '/api/cases', { auth: employer, body: validBody });
      const caseId = body.caseId as string;
      const withdrawn = await call('POST', `/api/cases/${caseId}/withdraw`, { auth: employer, body: { reason: 'the hire fell through' } });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toEqual({ caseId, status: 'withdrawn', withdrawnItems: ['RESIDENCE_PERMIT', 'WORK_PERMIT'] });
      expect((await call('POST', `/api/cases/${caseId}/withdraw`, { auth: employer, body: {} })).status).toBe(409);
      const events = await collectFromTopic(kafka, Topics.portal, (m) => decodeEnvelope(m.value!).caseId === caseId && decodeEnvelope(m.value!).type === Events.CaseWithdrawn.type);
      expect(events).toHaveLength(1);
    });
  });

  describe('catalogue, forms and guides', () => {
    it('lists the five items in English', async () => {
      const response = await call('GET', '/api/catalogue?lang=en');
      expect(response.status).toBe(200);
      const codes = JSON.stringify(response.body);
      for (const code of ['WORK_PERMIT', 'RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'PROFESSIONAL_TITLE', 'E_SOCIAL_SECURITY_CARD']) expect(codes).toContain(code);
    });

    it('merges the five-item form so the passport is asked for once', async () => {
      const items = [
        { code: 'WORK_PERMIT', action: 'issue' },
        { code: 'RESIDENCE_PERMIT', action: 'issue' },
        { code: 'SOCIAL_INSURANCE', action: 'apply' },
        { code: 'PROFESSIONAL_TITLE', action: 'apply' },
        { code: 'E_SOCIAL_SECURITY_CARD', action: 'apply' },
      ];
      const response = await call('POST', '/api/forms', { body: { items } });
      expect(response.status).toBe(200);
      const passports = response.body.materials.filter((m: { code: string }) => m.code === 'PASSPORT');
      expect(passports).toHaveLength(1);
      expect(passports[0].items).toHaveLength(5);
      expect(response.body.fields.filter((f: { path: string }) => f.path === 'applicant.passportNo')).toHaveLength(1);
      expect(response.body.reduction.fieldsMerged).toBeLessThan(response.body.reduction.fieldsSeparate);
      expect(response.body.reduction.materialsMerged).toBeLessThan(response.body.reduction.materialsSeparate);
    });

    it('answers an unknown item or a bad body for the form with a 400', async () => {
      expect((await call('POST', '/api/forms', { body: { items: [{ code: 'FISHING_LICENCE', action: 'issue' }] } })).status).toBe(400);
      const bad = await call('POST', '/api/forms', { body: { items: [{ code: 'WORK_PERMIT', action: 'fly' }], extra: 1 } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['items.0.action', 'extra']));
    });

    it('serves an item guide and the one-thing guide with its flow chart', async () => {
      const guide = await call('GET', '/api/guides/RESIDENCE_PERMIT?lang=en');
      expect(guide.status).toBe(200);
      expect(JSON.stringify(guide.body)).toContain('400');
      const oneThing = await call('GET', '/api/guides/one-thing?lang=zh');
      expect(oneThing.status).toBe(200);
      expect(oneThing.body.flowChart.mermaid).toMatch(/^flowchart/);
      expect(oneThing.body.flowChart.svg).toContain('<svg');
      expect((await call('GET', '/api/guides/NOPE?lang=en')).status).toBe(404);
    });
  });
});
