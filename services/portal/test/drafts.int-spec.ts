import { type CaseSubmitted, decodeEnvelope, decodeEvent, Events, Topics } from '@work-permit/contracts';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, createTestTopic, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { DraftExpiry } from '../src/drafts/draft-expiry';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';
import { applicantIdOfPerson, applicantToken, bodyFor, bodyFromForm, employerToken, newPerson, newUscc, type Person, staffToken } from './parties';

const kafka = testKafka();

const TWO_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
];

interface DraftAnswer {
  draftId: string;
  version: number;
  items: { code: string; action: string }[];
  content: Record<string, unknown>;
  problems: { field: string; message: string; messages: { zh: string; en: string } }[];
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

describe('portal drafts', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let template: Record<string, unknown>;
  let materialsDirectory: string;

  const call = async <T = Record<string, unknown>>(method: string, path: string, { auth, body, headers = {} }: { auth?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const rows = (sql: string, parameters: unknown[]) => portal.app.get(DataSource).query(sql, parameters) as Promise<Record<string, unknown>[]>;

  /** The first steps of the one form: the items and who the applicant is, nothing else yet. */
  const firstSteps = (person: Person) => ({ items: TWO_ITEMS, applicant: { surname: 'SMITH', givenNames: 'Jane', ...person } });

  const caseSubmittedOf = (person: Person, timeoutMs = 30_000) =>
    collectFromTopic(
      kafka,
      Topics.portal,
      (m) => decodeEnvelope(m.value!).type === Events.CaseSubmitted.type && (decodeEvent(m.value!)!.payload as CaseSubmitted).applicantId === applicantIdOfPerson(person),
      { timeoutMs },
    );

  beforeAll(async () => {
    materialsDirectory = await mkdtemp(join(tmpdir(), 'portal-drafts-'));
    const topic = await createTestTopic(kafka, 'portal-drafts');
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => consumingOnly(AppModule.register(config), PortalService, topic, config), {
      MATERIALS_DIR: materialsDirectory,
      DRAFTS_MAX_BYTES: '4096',
      DRAFTS_MAX_PER_OWNER: '3',
    });
    const form = await call<{ fields: { path: string; example: unknown }[] }>('POST', '/api/forms', { body: { items: TWO_ITEMS } });
    template = bodyFromForm(form.body.fields, TWO_ITEMS);
  });

  afterAll(async () => {
    await portal?.close();
    await rm(materialsDirectory, { recursive: true, force: true });
  });

  it('keeps a partial form for its applicant, lists it, replaces it over its version and refuses a stale write (409)', async () => {
    const person = newPerson();
    const applicant = applicantToken(person);
    const created = await call<DraftAnswer>('POST', '/api/drafts', { auth: applicant, body: firstSteps(person) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ draftId: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1, items: TWO_ITEMS, content: firstSteps(person) });
    expect(created.headers.get('etag')).toBe('"1"');
    // What the submit would refuse today, in its words: the fields still to fill among them.
    const required = created.body.problems.find((p) => p.field === 'employer.uscc');
    expect(required).toMatchObject({ message: '必填', messages: { zh: '必填', en: expect.any(String) } });
    expect(created.body.problems.map((p) => p.field)).not.toContain('applicant.surname');
    const { draftId } = created.body;

    const second = await call<DraftAnswer>('POST', '/api/drafts', { auth: applicant, body: {} });
    const listed = await call<{ drafts: DraftAnswer[] }>('GET', '/api/drafts', { auth: applicant });
    expect(listed.status).toBe(200);
    expect(listed.body.drafts.map((d) => d.draftId)).toEqual([second.body.draftId, draftId]);
    expect(listed.body.drafts[1]).toMatchObject({ version: 1, items: TWO_ITEMS, applicantName: 'SMITH Jane' });
    expect(listed.body.drafts[1]).not.toHaveProperty('content');

    const next = { ...firstSteps(person), employer: { uscc: '91371000MA3C5LXX00' } };
    const replaced = await call<DraftAnswer>('PUT', `/api/drafts/${draftId}?lang=en`, { auth: applicant, body: next, headers: { 'if-match': '"1"' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ draftId, version: 2, content: next });
    expect(replaced.headers.get('etag')).toBe('"2"');
    // The credit code's check character is wrong: the server's own check says so, in English as asked.
    const uscc = replaced.body.problems.find((p) => p.field === 'employer.uscc')!;
    expect(uscc.message).toBe(uscc.messages.en);
    expect(uscc.message).not.toBe('required');

    const stale = await call('PUT', `/api/drafts/${draftId}`, { auth: applicant, body: firstSteps(person), headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'draft_version_conflict', messages: { zh: expect.stringContaining('第2版'), en: expect.stringContaining('version 2') } } });
    const withoutVersion = await call('PUT', `/api/drafts/${draftId}`, { auth: applicant, body: next });
    expect(withoutVersion.status).toBe(428);
    const read = await call<DraftAnswer>('GET', `/api/drafts/${draftId}`, { auth: applicant });
    expect(read.body).toMatchObject({ version: 2, content: next });

    // The same person on another account (another device, the identity provider's same person) goes on with it.
    const elsewhere = await call<DraftAnswer>('GET', `/api/drafts/${draftId}`, { auth: applicantToken(person, `applicant-${randomUUID()}`) });
    expect(elsewhere.status).toBe(200);

    expect((await call('DELETE', `/api/drafts/${second.body.draftId}`, { auth: applicant })).status).toBe(204);
    expect((await call('GET', `/api/drafts/${second.body.draftId}`, { auth: applicant })).status).toBe(404);
  });

  it('is nobody else’s: another applicant or employer finds no draft (404), no token is 401, officers and analysts 403', async () => {
    const person = newPerson();
    const { body } = await call<DraftAnswer>('POST', '/api/drafts', { auth: applicantToken(person), body: firstSteps(person) });
    const path = `/api/drafts/${body.draftId}`;
    for (const stranger of [applicantToken(newPerson()), employerToken(newUscc()), staffToken('clerk')]) {
      expect((await call('GET', path, { auth: stranger })).status).toBe(404);
      expect((await call('PUT', path, { auth: stranger, body: {}, headers: { 'if-match': '"1"' } })).status).toBe(404);
      expect((await call('DELETE', path, { auth: stranger })).status).toBe(404);
      const theirs = await call<{ drafts: DraftAnswer[] }>('GET', '/api/drafts', { auth: stranger });
      expect(theirs.body.drafts.map((d) => d.draftId)).not.toContain(body.draftId);
    }
    const notFound = await call('GET', path, { auth: applicantToken(newPerson()) });
    expect(notFound.body).toMatchObject({ error: { code: 'draft_not_found', message: expect.stringContaining('未找到草稿') } });

    for (const [method, route] of [['POST', '/api/drafts'], ['GET', '/api/drafts'], ['GET', path], ['PUT', path], ['DELETE', path]] as const) {
      expect({ method, route, status: (await call(method, route, { body: method === 'POST' || method === 'PUT' ? {} : undefined })).status }).toEqual({ method, route, status: 401 });
      for (const staff of [staffToken('officer', 'approval'), staffToken('analyst', 'bigdata'), staffToken('admin')]) {
        const body = method === 'POST' || method === 'PUT' ? {} : undefined;
        expect({ method, route, status: (await call(method, route, { auth: staff, body, headers: { 'if-match': '"1"' } })).status }).toEqual({ method, route, status: 403 });
      }
    }
    // Still there, unchanged, for its owner.
    expect((await call<DraftAnswer>('GET', path, { auth: applicantToken(person) })).body.version).toBe(1);
  });

  it('keeps an employer’s draft for its credit code, whichever of its accounts signs in, and not for the person it is about', async () => {
    const person = newPerson();
    const uscc = newUscc();
    const { status, body } = await call<DraftAnswer>('POST', '/api/drafts', { auth: employerToken(uscc), body: bodyFor({ items: TWO_ITEMS }, person, uscc) });
    expect(status).toBe(201);
    expect((await call('GET', `/api/drafts/${body.draftId}`, { auth: employerToken(uscc) })).status).toBe(200);
    expect((await call('GET', `/api/drafts/${body.draftId}`, { auth: applicantToken(person) })).status).toBe(404);
  });

  it('refuses unknown top-level fields, sections of the wrong shape and oversize content with the platform’s 400, and too many drafts with 409', async () => {
    const person = newPerson();
    const applicant = applicantToken(person);
    const unknown = await call<{ error: { code: string; details: { field: string; messages: { zh: string; en: string } }[] } }>('POST', '/api/drafts', {
      auth: applicant,
      body: { ...firstSteps(person), draftOwner: 'someone-else', employer: 'ACME', materials: {} },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('validation_failed');
    expect(unknown.body.error.details.map((d) => d.field).sort()).toEqual(['draftOwner', 'employer', 'materials']);
    expect(unknown.body.error.details.find((d) => d.field === 'draftOwner')!.messages).toEqual({ zh: '未知字段', en: 'unknown field' });
    expect((await call('POST', '/api/drafts', { auth: applicant, body: [] })).status).toBe(400);

    const oversize = await call<{ error: { code: string; details: { field: string; message: string }[] } }>('POST', '/api/drafts', {
      auth: applicant,
      body: { applicant: { address: 'x'.repeat(5000) } },
      headers: { 'accept-language': 'en' },
    });
    expect(oversize.status).toBe(400);
    expect(oversize.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: '', message: expect.stringContaining('at most 4096 bytes') }] });

    const { body: kept } = await call<DraftAnswer>('POST', '/api/drafts', { auth: applicant, body: {} });
    const badPut = await call('PUT', `/api/drafts/${kept.draftId}`, { auth: applicant, body: { caseId: 'x' }, headers: { 'if-match': '"1"' } });
    expect(badPut.status).toBe(400);
    expect((await call('PUT', `/api/drafts/${kept.draftId}`, { auth: applicant, body: {}, headers: { 'if-match': 'soon' } })).status).toBe(400);
    expect((await call<DraftAnswer>('GET', `/api/drafts/${kept.draftId}`, { auth: applicant })).body.version).toBe(1);

    // DRAFTS_MAX_PER_OWNER is 3 here.
    await call('POST', '/api/drafts', { auth: applicant, body: {} });
    await call('POST', '/api/drafts', { auth: applicant, body: {} });
    const fourth = await call('POST', '/api/drafts', { auth: applicant, body: {} });
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({ error: { code: 'draft_limit_reached' } });
  });

  it('never becomes a case or an event by itself; the form is submitted with POST /api/cases, and the draft then deleted', async () => {
    const person = newPerson();
    const uscc = newUscc();
    const applicant = applicantToken(person);
    const complete = bodyFor(template, person, uscc);
    const created = await call<DraftAnswer>('POST', '/api/drafts', { auth: applicant, body: firstSteps(person) });
    const saved = await call<DraftAnswer>('PUT', `/api/drafts/${created.body.draftId}`, { auth: applicant, body: complete, headers: { 'if-match': '"1"' } });
    expect(saved.status).toBe(200);
    // Complete and valid: nothing left for the submit to refuse.
    expect(saved.body.problems).toEqual([]);
    await call('GET', `/api/drafts/${created.body.draftId}`, { auth: applicant });

    expect(await rows('SELECT case_id FROM case_file WHERE applicant_id = $1', [applicantIdOfPerson(person)])).toEqual([]);
    expect(await caseSubmittedOf(person, 5_000)).toEqual([]);
    expect((await call<{ cases: unknown[] }>('GET', '/api/cases?mine=true', { auth: applicant })).body.cases).toEqual([]);

    const submitted = await call<{ caseId: string }>('POST', '/api/cases', { auth: applicant, body: saved.body.content, headers: { 'idempotency-key': randomUUID() } });
    expect(submitted.status).toBe(201);
    expect(await caseSubmittedOf(person)).toHaveLength(1);
    expect((await call('DELETE', `/api/drafts/${created.body.draftId}`, { auth: applicant })).status).toBe(204);
    expect((await call<{ drafts: unknown[] }>('GET', '/api/drafts', { auth: applicant })).body.drafts).toEqual([]);
  });

  it('lets a draft untouched for DRAFTS_TTL_DAYS expire: gone for its owner at once, deleted by the periodic task', async () => {
    const person = newPerson();
    const applicant = applicantToken(person);
    const { body: old } = await call<DraftAnswer>('POST', '/api/drafts', { auth: applicant, body: firstSteps(person) });
    const { body: recent } = await call<DraftAnswer>('POST', '/api/drafts', { auth: applicant, body: {} });
    await rows("UPDATE case_draft SET updated_at = now() - interval '91 days' WHERE draft_id = $1", [old.draftId]);

    expect((await call('GET', `/api/drafts/${old.draftId}`, { auth: applicant })).status).toBe(404);
    expect((await call('PUT', `/api/drafts/${old.draftId}`, { auth: applicant, body: {}, headers: { 'if-match': '"1"' } })).status).toBe(404);
    expect((await call<{ drafts: DraftAnswer[] }>('GET', '/api/drafts', { auth: applicant })).body.drafts.map((d) => d.draftId)).toEqual([recent.draftId]);

    await portal.app.get(DraftExpiry).deleteExpired();
    expect(await rows('SELECT draft_id FROM case_draft WHERE draft_id = ANY($1)', [[old.draftId, recent.draftId]])).toEqual([{ draft_id: recent.draftId }]);
  });
});
