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
import { message, toWire } from '@work-permit/catalogue';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';
import { applicantIdOfPerson, applicantToken, bodyFor, bodyFromForm as bodyFrom, employerToken, newPerson, newUscc, type Person, staffToken } from './parties';

const kafka = testKafka();

interface FormField {
  path: string;
  example: unknown;
}

/** A person and an employer no other test uses, with the body of their case and the tokens they sign in with. */
function parties(template: Record<string, unknown>) {
  const person = newPerson();
  const uscc = newUscc();
  return { person, uscc, body: bodyFor(template, person, uscc), applicant: applicantToken(person), employer: employerToken(uscc) };
}

const TWO_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
];

describe('portal cases', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let topic: string;
  /** The two-item body with the form's examples; each test gives it a person and an employer of its own. */
  let template: Record<string, unknown>;
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
    // The agencies' events arrive on a topic of the test's own: no backlog of earlier suites to wait behind.
    topic = await createTestTopic(kafka, 'portal-cases');
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => consumingOnly(AppModule.register(config), PortalService, topic, config), { MATERIALS_DIR: materialsDirectory });
    const form = await call('POST', '/api/forms', { body: { items: TWO_ITEMS } });
    expect(form.status).toBe(200);
    template = bodyFrom(form.body.fields, TWO_ITEMS);
  });

  afterAll(async () => {
    await portal?.close();
    await rm(materialsDirectory, { recursive: true, force: true });
  });

  describe('submission', () => {
    it('stores a valid case and puts exactly one enveloped CaseSubmitted on the bus', async () => {
      const { body: validBody, applicant, person } = parties(template);
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
      expect(payload.applicant?.passportNo).toBe(person.passportNo);
      expect(payload.applicantId).toBe(applicantIdOfPerson(person));
      expect(payload.catalogueVersion).toMatch(/^\d{4}\.\d+$/);

      const view = await call('GET', `/api/cases/${caseId}`, { auth: applicant });
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ caseId, status: 'in_progress', channel: 'online', timeline: [{ type: 'submitted' }] });
      expect(view.body).not.toHaveProperty('acceptedBy');
      expect(view.body.items).toEqual(
        expect.arrayContaining([
          // Until each agency reports that it has taken the item up.
          expect.objectContaining({ code: 'WORK_PERMIT', agency: 'approval', status: 'pending', dueDate: null }),
          expect.objectContaining({ code: 'RESIDENCE_PERMIT', agency: 'psb', status: 'pending', dueDate: null }),
        ]),
      );
    });

    it('gives one case and one event for the same Idempotency-Key twice', async () => {
      const { body: validBody, employer } = parties(template);
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

    it('gives one case and one event for the same Idempotency-Key sent several times at once', async () => {
      const { body: validBody, employer } = parties(template);
      const key = randomUUID();
      const answers = await Promise.all([0, 1, 2, 3].map(() => call('POST', '/api/cases', { auth: employer, body: validBody, headers: { 'idempotency-key': key } })));
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
      const caseIds = new Set(answers.map((answer) => answer.body.caseId as string));
      expect(caseIds.size).toBe(1);
      expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(3);
      expect(await caseSubmittedFor([...caseIds][0])).toHaveLength(1);
      const mine = await call('GET', '/api/cases?mine=true', { auth: employer });
      expect(mine.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([...caseIds]);
    });

    it('refuses the same Idempotency-Key with a different body', async () => {
      const { body: validBody, applicant } = parties(template);
      const key = randomUUID();
      await call('POST', '/api/cases', { auth: applicant, body: validBody, headers: { 'idempotency-key': key } });
      const changed = { ...validBody, employment: { ...(validBody.employment as object), position: 'Another position' } };
      const again = await call('POST', '/api/cases', { auth: applicant, body: changed, headers: { 'idempotency-key': key } });
      expect(again.status).toBe(409);
      // Chinese by default, English beside it and on request.
      expect(again.body.error).toEqual({
        code: 'idempotency_key_reused',
        message: '此 Idempotency-Key 已用于另一次不同的提交',
        messages: { zh: '此 Idempotency-Key 已用于另一次不同的提交', en: 'this Idempotency-Key was used for a different submission' },
      });
      const inEnglish = await call('POST', '/api/cases', { auth: applicant, body: changed, headers: { 'idempotency-key': key, 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' } });
      expect(inEnglish.body.error.message).toBe('this Idempotency-Key was used for a different submission');
    });

    it('answers a body with several bad fields with one 400 naming each of them, before any identity check', async () => {
      const { body: validBody, applicant } = parties(template);
      const bad = {
        ...validBody,
        applicant: { ...(validBody.applicant as object), passportNo: 'no!', nationality: 'XXX', birthDate: '1990-02-30', favouriteColour: 'blue' },
        employer: { ...(validBody.employer as object), uscc: '91370000MA3C5LXX0X' },
      };
      const response = await call('POST', '/api/cases', { auth: applicant, body: bad });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      const fields = response.body.error.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['applicant.passportNo', 'applicant.nationality', 'applicant.birthDate', 'applicant.favouriteColour', 'employer.uscc']),
      );
      for (const detail of response.body.error.details) expect(detail.message).toEqual(expect.any(String));
    });

    it('names the items when the selection itself is wrong', async () => {
      const { body: validBody, applicant } = parties(template);
      const response = await call('POST', '/api/cases', { auth: applicant, body: { ...validBody, items: [{ code: 'FISHING_LICENCE', action: 'issue' }] } });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation_failed', message: '请求中有无效字段' });
      expect(response.body.error.details).toEqual([
        { field: 'items', message: expect.stringMatching(/^FISHING_LICENCE不是事项目录/), messages: { zh: expect.stringMatching(/^FISHING_LICENCE不是事项目录/), en: expect.stringMatching(/^FISHING_LICENCE is not an item of catalogue/) } },
      ]);
      const inEnglish = await call('POST', '/api/cases?lang=en', { auth: applicant, body: { ...validBody, items: [{ code: 'FISHING_LICENCE', action: 'issue' }] } });
      expect(inEnglish.body.error).toMatchObject({ message: 'the request has invalid fields', details: [{ field: 'items', message: expect.stringMatching(/^FISHING_LICENCE is not an item of catalogue/) }] });
    });

    it('rejects an unknown top-level field', async () => {
      const { body: validBody, applicant } = parties(template);
      const response = await call('POST', '/api/cases', { auth: applicant, body: { ...validBody, discount: true } });
      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'discount' })]));
    });

    it('refuses an item whose prerequisite is neither chosen nor held, with the reason', async () => {
      const person = newPerson();
      const form = await call('POST', '/api/forms', { body: { items: [{ code: 'RESIDENCE_PERMIT', action: 'issue' }] } });
      const body = bodyFor(
        bodyFrom(
          form.body.fields.filter((f: FormField) => !f.path.startsWith('holdings.')),
          [{ code: 'RESIDENCE_PERMIT', action: 'issue' }],
        ),
        person,
        newUscc(),
      );
      const response = await call('POST', '/api/cases', { auth: applicantToken(person), body });
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({ code: 'selection_refused', message: '所选事项不能受理', messages: { en: 'the selection cannot be accepted' } });
      expect(response.body.error.details).toEqual([
        expect.objectContaining({
          item: 'RESIDENCE_PERMIT',
          code: 'prerequisite_missing',
          message: expect.stringMatching(/^外国人居留许可（RESIDENCE_PERMIT）需要.*（WORK_PERMIT）/),
          messages: { zh: expect.stringContaining('WORK_PERMIT'), en: expect.stringMatching(/^Residence permit .*\(RESIDENCE_PERMIT\) needs the .*\(WORK_PERMIT\)/) },
        }),
      ]);
      const inEnglish = await call('POST', '/api/cases', { auth: applicantToken(person), body, headers: { 'accept-language': 'en' } });
      expect(inEnglish.body.error.details[0].message).toMatch(/^Residence permit .* needs the /);
    });

    it('refuses a work permit extension filed outside 30 to 90 days before expiry, and takes one inside', async () => {
      const person = newPerson();
      const extend = [{ code: 'WORK_PERMIT', action: 'extend' }];
      const form = await call('POST', '/api/forms', { body: { items: extend } });
      const body = bodyFor(bodyFrom(form.body.fields, extend), person, newUscc()) as { holdings: { workPermitValidTo: string } };
      const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

      body.holdings.workPermitValidTo = inDays(200);
      const early = await call('POST', '/api/cases', { auth: applicantToken(person), body });
      expect(early.status).toBe(422);
      expect(early.body.error.details).toEqual([expect.objectContaining({ item: 'WORK_PERMIT', code: 'outside_filing_window' })]);

      body.holdings.workPermitValidTo = inDays(60);
      expect((await call('POST', '/api/cases', { auth: applicantToken(person), body })).status).toBe(201);
    });

    it('answers 401 without a token and 403 to an officer', async () => {
      const { body: validBody } = parties(template);
      expect((await call('POST', '/api/cases', { body: validBody })).status).toBe(401);
      const officer = await call('POST', '/api/cases', { auth: staffToken('officer', 'psb'), body: validBody });
      expect(officer.status).toBe(403);
      expect(officer.body.error.code).toBe('forbidden');
    });

    it("takes a clerk's submission for a walk-in as the offline window channel, naming the clerk to the offices only", async () => {
      const { body: validBody, applicant } = parties(template);
      const clerk = staffToken('clerk', undefined, 'clerk-window-3');
      const { body } = await call('POST', '/api/cases', { auth: clerk, body: validBody });
      const view = await call('GET', `/api/cases/${body.caseId}`, { auth: clerk });
      expect(view.body.channel).toBe('offline');
      expect(view.body.acceptedBy).toEqual({ subject: 'clerk-window-3', role: 'clerk' });
      expect((await call('GET', `/api/cases/${body.caseId}`, { auth: staffToken('officer', 'psb') })).body.acceptedBy).toEqual({ subject: 'clerk-window-3', role: 'clerk' });
      const [message] = await caseSubmittedFor(body.caseId);
      expect((decodeEvent(message.value!)!.payload as CaseSubmitted).channel).toBe(Channel.OFFLINE);

      // The person at the window signs in later as themselves and finds the case among their own.
      const mine = await call('GET', '/api/cases?mine=true', { auth: applicant });
      expect(mine.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([body.caseId]);
      const own = await call('GET', `/api/cases/${body.caseId}`, { auth: applicant });
      expect(own.status).toBe(200);
      expect(own.body).not.toHaveProperty('acceptedBy');
    });

    it("hides a case from other applicants and shows an officer only its agency's items", async () => {
      const { body: validBody, applicant } = parties(template);
      const { body } = await call('POST', '/api/cases', { auth: applicant, body: validBody });
      expect((await call('GET', `/api/cases/${body.caseId}`, { auth: applicantToken(newPerson()) })).status).toBe(404);
      const psb = await call('GET', `/api/cases/${body.caseId}`, { auth: staffToken('officer', 'psb') });
      expect(psb.body.items.map((i: { code: string }) => i.code)).toEqual(['RESIDENCE_PERMIT']);
      expect((await call('GET', `/api/cases/${body.caseId}`, { auth: staffToken('officer', 'hrss') })).status).toBe(404);
    });
  });

  describe('identity from the verified token, not from the form', () => {
    const casesOf = (applicantId: string) => portal.app.get(DataSource).query('SELECT case_id FROM case_file WHERE applicant_id = $1', [applicantId]) as Promise<unknown[]>;

    it("refuses applicant A's token filing under B's passport and nationality with 403 naming both fields: no case, no event", async () => {
      const a = parties(template);
      const b: Person = newPerson('AUT');
      const forged = await call('POST', '/api/cases', { auth: a.applicant, body: bodyFor(template, b, a.uscc) });
      expect(forged.status).toBe(403);
      expect(forged.body.error).toMatchObject({
        code: 'identity_mismatch',
        message: expect.any(String),
        details: [
          { field: 'applicant.passportNo', message: expect.any(String) },
          { field: 'applicant.nationality', message: expect.any(String) },
        ],
      });
      expect(await casesOf(applicantIdOfPerson(b))).toEqual([]);

      // A's own case after it: when its event is on the bus, any event of the forged attempt would be too.
      const own = await call('POST', '/api/cases', { auth: a.applicant, body: a.body });
      expect(own.status).toBe(201);
      const bApplicantId = applicantIdOfPerson(b);
      const submitted = await collectFromTopic(
        kafka,
        Topics.portal,
        (m) => {
          const event = decodeEvent(m.value!);
          return event?.type === Events.CaseSubmitted.type && (event.caseId === own.body.caseId || (event.payload as CaseSubmitted).applicantId === bApplicantId);
        },
        { settleMs: 3_000 },
      );
      expect(submitted.map((m) => decodeEnvelope(m.value!).caseId)).toEqual([own.body.caseId]);
    });

    it("names only the field that differs, and compares the token's passport number without case or spaces", async () => {
      const { person, uscc, applicant } = parties(template);
      const otherNationality = await call('POST', '/api/cases', { auth: applicant, body: bodyFor(template, { ...person, nationality: 'AUT' }, uscc) });
      expect(otherNationality.status).toBe(403);
      expect(otherNationality.body.error.details.map((d: { field: string }) => d.field)).toEqual(['applicant.nationality']);
      const spaced = applicantToken({ ...person, passportNo: `${person.passportNo.slice(0, 4).toLowerCase()} ${person.passportNo.slice(4)}` });
      expect((await call('POST', '/api/cases', { auth: spaced, body: bodyFor(template, person, uscc) })).status).toBe(201);
    });

    it("refuses an employer's token filing for another credit code with 403 naming employer.uscc", async () => {
      const { body, person } = parties(template);
      const otherEmployer = employerToken(newUscc());
      const response = await call('POST', '/api/cases', { auth: otherEmployer, body });
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ code: 'identity_mismatch', message: expect.any(String), details: [{ field: 'employer.uscc', message: expect.any(String) }] });
      expect(await casesOf(applicantIdOfPerson(person))).toEqual([]);
    });

    it('shows an employer-filed case to the applicant with the matching identity, by mine=true and the case view, and to nobody else', async () => {
      const { body, person, employer } = parties(template);
      const filed = await call('POST', '/api/cases', { auth: employer, body });
      expect(filed.status).toBe(201);
      const { caseId } = filed.body;

      // Signed in as themselves, whatever their account's subject.
      const applicant = applicantToken(person, `applicant-${randomUUID()}`);
      const mine = await call('GET', '/api/cases?mine=true', { auth: applicant });
      expect(mine.status).toBe(200);
      expect(mine.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
      expect((await call('GET', `/api/cases/${caseId}`, { auth: applicant })).status).toBe(200);

      const another = applicantToken(newPerson());
      expect((await call('GET', '/api/cases?mine=true', { auth: another })).body.cases).toEqual([]);
      expect((await call('GET', `/api/cases/${caseId}`, { auth: another })).status).toBe(404);
      expect((await call('POST', `/api/cases/${caseId}/withdraw`, { auth: another, body: {} })).status).toBe(404);
      expect((await call('POST', `/api/cases/${caseId}/supplements`, { auth: another, body: { item: 'WORK_PERMIT', materials: [{ code: 'PASSPORT', sha256: 'a'.repeat(64), fileName: 'p.pdf', issuedAt: '2026-01-10' }] } })).status).toBe(404);
      expect((await call('GET', `/api/cases/${caseId}`, { auth: employerToken(newUscc()) })).status).toBe(404);

      // The same ownership withdraws: the person the case is for may.
      const withdrawn = await call('POST', `/api/cases/${caseId}/withdraw`, { auth: applicant, body: { reason: 'took another offer' } });
      expect(withdrawn.status).toBe(200);
    });

    it("shows an applicant's own case to the employer its form names", async () => {
      const { body, applicant, uscc } = parties(template);
      const { body: filed } = await call('POST', '/api/cases', { auth: applicant, body });
      const employer = employerToken(uscc);
      expect((await call('GET', '/api/cases?mine=true', { auth: employer })).body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([filed.caseId]);
      expect((await call('GET', `/api/cases/${filed.caseId}`, { auth: employer })).status).toBe(200);
    });

    it('answers 401 without a token at every endpoint that needs one', async () => {
      const caseId = randomUUID();
      const sha256 = 'a'.repeat(64);
      const closed: [string, string][] = [
        ['POST', '/api/cases'],
        ['GET', '/api/cases?mine=true'],
        ['GET', `/api/cases/${caseId}`],
        ['POST', `/api/cases/${caseId}/supplements`],
        ['POST', `/api/cases/${caseId}/withdraw`],
        ['POST', '/api/materials'],
        ['GET', `/api/materials/${sha256}`],
        ['GET', `/api/materials/${sha256}/meta`],
        ['GET', '/api/notifications'],
        ['POST', `/api/notifications/${caseId}/read`],
      ];
      const answers = await Promise.all(closed.map(async ([method, path]) => [method, path, (await call(method, path, method === 'POST' ? { body: {} } : {})).status]));
      expect(answers).toEqual(closed.map(([method, path]) => [method, path, 401]));
    });
  });

  describe('following the agencies', () => {
    async function publish(definition: (typeof Events)[keyof typeof Events], payload: object, caseId: string): Promise<void> {
      const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
      await producer.disconnect();
    }

    it('shows a decision with its result and completes the case when every item is final', async () => {
      const { body: validBody, applicant } = parties(template);
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

      const finding = message('residence_permit.passport.expired', { passportExpiry: '2026-01-31' });
      await publish(
        Events.PsbItemDecided,
        { caseId, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', decision: Decision.REJECTED, reason: 'passport expired (wire text)', reasonMessage: toWire(finding) },
        caseId,
      );
      await eventually(async () => (await call('GET', `/api/cases/${caseId}`, { auth: applicant })).body.status === 'completed', { what: 'the case to complete' });
      // The agency's reason from its message, in the reader's language (Chinese by default), both beside it.
      const residenceIn = async (headers: Record<string, string>) =>
        (await call('GET', `/api/cases/${caseId}`, { auth: applicant, headers })).body.items.find((i: { code: string }) => i.code === 'RESIDENCE_PERMIT');
      const zh = await residenceIn({});
      expect(zh.reason).toMatch(/2026-01-31/);
      expect(zh.reason).toMatch(/[\u3400-\u9fff]/);
      expect(zh.reasons).toEqual({ zh: zh.reason, en: expect.stringMatching(/2026-01-31/) });
      expect(zh.reasons.en).not.toBe(zh.reasons.zh);
      expect((await residenceIn({ 'accept-language': 'en-US,en;q=0.8' })).reason).toBe(zh.reasons.en);
      expect((await residenceIn({ 'accept-language': 'en' })).reasons).toEqual(zh.reasons);
    });

    it('takes a supplement for an item awaiting one, only with documents the caller uploaded, publishes it and puts the item back in review', async () => {
      const { body: validBody, employer, person } = parties(template);
      const { body } = await call('POST', '/api/cases', { auth: employer, body: validBody });
      const caseId = body.caseId as string;
      // The person the employer filed for answers it, signed in as themselves.
      const applicant = applicantToken(person);
      const uploaded = await upload(applicant, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(randomUUID())]), 'passport.pdf');
      expect(uploaded.status).toBe(201);
      const material = { code: 'PASSPORT', sha256: uploaded.body.sha256 as string, fileName: 'passport.pdf', issuedAt: '2026-01-10' };

      const early = await call('POST', `/api/cases/${caseId}/supplements`, { auth: applicant, body: { item: 'WORK_PERMIT', materials: [material] } });
      expect(early.status).toBe(409);
      expect(early.body.error).toMatchObject({ code: 'not_awaiting_supplement', message: expect.stringMatching(/^外国人来华工作许可.*，不在待补正状态$/), messages: { en: 'the Work permit for foreigners working in China is pending, not awaiting documents' } });

      await publish(
        Events.ApprovalItemProgressed,
        { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', status: ItemStatus.AWAITING_SUPPLEMENT, requestedMaterials: ['PASSPORT'], reason: '护照复印件无法辨认', reasonMessage: toWire(message('officer.reason', { text: '护照复印件无法辨认' })) },
        caseId,
      );
      const workPermitOf = async () => (await call('GET', `/api/cases/${caseId}`, { auth: applicant })).body.items.find((i: { code: string }) => i.code === 'WORK_PERMIT');
      const asked = await eventually(async () => {
        const item = await workPermitOf();
        return item.status === 'awaiting_supplement' && item;
      }, { what: 'the supplement request' });
      expect(asked.requestedMaterials).toEqual(['PASSPORT']);
      // An officer's words, as written, in either language.
      expect(asked).toMatchObject({ reason: '护照复印件无法辨认', reasons: { zh: '护照复印件无法辨认', en: '护照复印件无法辨认' } });

      const malformed = await call('POST', `/api/cases/${caseId}/supplements`, {
        auth: applicant,
        body: { item: 'WORK_PERMIT', materials: [{ ...material, sha256: 'not-a-hash' }, { ...material, code: 'FISHING_LICENCE' }, { ...material, sha256: 'b'.repeat(64) }] },
      });
      expect(malformed.status).toBe(400);
      // A document never uploaded is named with the catalogue's findings, in the same 400.
      expect(malformed.body.error.details.map((d: { field: string }) => d.field)).toEqual(['materials.0.sha256', 'materials.1.code', 'materials.2.sha256']);
      // The employer may answer too, but not with the applicant's upload: only with its own.
      const byEmployer = await call('POST', `/api/cases/${caseId}/supplements`, { auth: employer, body: { item: 'WORK_PERMIT', materials: [material] } });
      expect(byEmployer.status).toBe(400);
      expect(byEmployer.body.error.details).toEqual([
        { field: 'materials.0.sha256', message: expect.stringMatching(/^不是您上传的材料/), messages: { zh: expect.stringMatching(/^不是您上传的材料/), en: expect.stringContaining('not an uploaded document') } },
      ]);

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
      const { body: validBody, employer } = parties(template);
      const { body } = await call('POST', '/api/cases', { auth: employer, body: validBody });
      const caseId = body.caseId as string;
      const withdrawn = await call('POST', `/api/cases/${caseId}/withdraw`, { auth: employer, body: { reason: 'the hire fell through' } });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toEqual({ caseId, status: 'withdrawn', withdrawnItems: ['RESIDENCE_PERMIT', 'WORK_PERMIT'] });
      const again = await call('POST', `/api/cases/${caseId}/withdraw`, { auth: employer, body: {}, headers: { 'accept-language': 'en' } });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'case_closed', message: 'the case is already withdrawn', messages: { zh: expect.stringContaining('撤回') } });
      const view = await call('GET', `/api/cases/${caseId}`, { auth: employer });
      // The employer's own words, as written.
      expect(view.body.items.map((i: { reason: string; reasons: object }) => [i.reason, i.reasons])).toEqual([
        ['the hire fell through', { zh: 'the hire fell through', en: 'the hire fell through' }],
        ['the hire fell through', { zh: 'the hire fell through', en: 'the hire fell through' }],
      ]);
      const events = await collectFromTopic(kafka, Topics.portal, (m) => decodeEnvelope(m.value!).caseId === caseId && decodeEnvelope(m.value!).type === Events.CaseWithdrawn.type);
      expect(events).toHaveLength(1);
      expect((decodeEvent(events[0].value!)!.payload as { reason: string }).reason).toBe('the hire fell through');
    });

    it('says who withdrew when no reason is given: the employer, not "the applicant"', async () => {
      const { body: validBody, employer } = parties(template);
      const caseId = (await call('POST', '/api/cases', { auth: employer, body: validBody })).body.caseId as string;
      expect((await call('POST', `/api/cases/${caseId}/withdraw`, { auth: employer, body: {} })).status).toBe(200);
      const view = await call('GET', `/api/cases/${caseId}`, { auth: employer });
      expect(view.body.items.map((i: { reason: string }) => i.reason)).toEqual(['由用人单位撤回', '由用人单位撤回']);
      expect(view.body.items[0].reasons).toEqual({ zh: '由用人单位撤回', en: 'withdrawn by the employer' });
      const english = await call('GET', `/api/cases/${caseId}?lang=en`, { auth: employer });
      expect(english.body.items.map((i: { reason: string }) => i.reason)).toEqual(['withdrawn by the employer', 'withdrawn by the employer']);
      // The event carries the person's words only (none here); the agencies say who withdrew from `withdrawnBy`.
      const [event] = await collectFromTopic(kafka, Topics.portal, (m) => decodeEnvelope(m.value!).caseId === caseId && decodeEnvelope(m.value!).type === Events.CaseWithdrawn.type);
      expect(decodeEvent(event.value!)!.payload).toMatchObject({ reason: '', withdrawnBy: { role: 'employer' } });
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
