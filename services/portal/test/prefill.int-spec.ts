import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { type CaseSubmitted, decodeEnvelope, decodeEvent, encodeEvent, Events, type PrefillDeclined, Topics } from '@work-permit/contracts';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';
import { applicantIdOfPerson, applicantToken, bodyFor, bodyFromForm, employerToken, newPerson, newUscc, staffToken } from './parties';

const kafka = testKafka();
const ITEMS = [{ code: 'WORK_PERMIT', action: 'issue' }];

interface FormField {
  path: string;
  example: unknown;
  prefill?: { value: unknown; source: string; sourceCaseId: string; updatedAt: string; recordVersion: number; sourceAgency: { code: string } | null };
}

describe('portal pre-fill from the shared record (once-only)', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let topic: string;
  let template: Record<string, unknown>;
  const person = newPerson();
  const applicant = applicantToken(person);
  // Somebody else, whose record an attacker signed in as `person` is after.
  const victim = newPerson('AUT');

  const call = async (method: string, path: string, body: unknown, auth?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as { fields: FormField[]; caseId: string; problems?: { field: string }[]; error?: { code: string; details?: { field: string; messages?: { en: string } }[] } },
    };
  };

  /** The record's announcement of a person's facts, all set by one (returned) case. */
  async function announce(applicantId: string, version: number, fields: Record<string, unknown>, caseId = randomUUID()): Promise<string> {
    const field = (path: string, value: unknown) => ({ path, valueJson: JSON.stringify(value), source: 'portal.case.submitted', sourceCaseId: caseId, updatedAt: timestampFromDate(new Date('2026-03-01T08:00:00Z')) });
    const event = encodeEvent(
      Events.SharingRecordUpdated,
      { applicantId, version: BigInt(version), fields: Object.entries(fields).map(([path, value]) => field(path, value)) },
      { caseId, correlationId: caseId, causationId: caseId },
    );
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
    await producer.disconnect();
    return caseId;
  }

  /** Every refusal announcement on the portal's topic about these cases or this person, decoded. */
  async function declinedOnTheBus(caseIds: string[], applicantId?: string): Promise<PrefillDeclined[]> {
    const messages = await collectFromTopic(
      kafka,
      Topics.portal,
      (m) => {
        const envelope = decodeEnvelope(m.value!);
        if (!caseIds.includes(envelope.caseId) && !(applicantId && envelope.type === Events.PrefillDeclined.type)) return false;
        // Each case's CaseSubmitted is a match too: a refusal would follow it in the same partition.
        return envelope.type === Events.CaseSubmitted.type || (envelope.type === Events.PrefillDeclined.type && (caseIds.includes(envelope.caseId) || (decodeEvent(m.value!)!.payload as PrefillDeclined).applicantId === applicantId));
      },
      { settleMs: 3_000 },
    );
    return messages.map((m) => decodeEvent(m.value!)!).filter((event) => event.type === Events.PrefillDeclined.type).map((event) => event.payload as PrefillDeclined);
  }

  const formFor = async (auth?: string) => (await call('POST', '/api/forms', { items: ITEMS }, auth)).body.fields;
  const prefillOf = async (path: string, auth?: string) => (await formFor(auth)).find((f) => f.path === path)?.prefill;
  const prefilledPaths = async (auth?: string) => (await formFor(auth)).filter((f) => f.prefill).map((f) => f.path);

  beforeAll(async () => {
    // The Big Data Bureau's announcements arrive on a topic of the test's own: no backlog of earlier suites to wait behind.
    topic = await createTestTopic(kafka, 'prefill');
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => consumingOnly(AppModule.register(config), PortalService, topic, config));
    const form = await call('POST', '/api/forms', { items: ITEMS });
    template = bodyFromForm(form.body.fields, ITEMS);
    await announce(applicantIdOfPerson(victim), 5, { 'applicant.email': 'victim@example.com', 'applicant.phone': '+8613900000000', 'employment.annualSalaryCny': 480000 });
  });

  afterAll(() => portal?.close());

  it("pre-fills a returning applicant's form from the record of the identity in their token, each field with its source", async () => {
    // Never filed here before: the record is theirs by identity, not by a case of theirs.
    await announce(applicantIdOfPerson(person), 2, { 'applicant.surname': 'SCHMIDT', 'employment.position': 'lead engineer' });
    const position = await eventually(() => prefillOf('employment.position', applicant), { what: 'the pre-filled position' });
    expect(position).toEqual({ value: 'lead engineer', source: 'portal.case.submitted', sourceCaseId: expect.any(String), updatedAt: '2026-03-01T08:00:00.000Z', recordVersion: 2, sourceAgency: null });
    expect(await prefillOf('applicant.surname', applicant)).toMatchObject({ value: 'SCHMIDT' });
    expect(await prefillOf('applicant.givenNames', applicant)).toBeUndefined();
    // The same person on another account of theirs.
    expect(await prefillOf('applicant.surname', applicantToken(person))).toMatchObject({ value: 'SCHMIDT' });
  });

  it('keeps the newest version when an older announcement arrives late', async () => {
    await announce(applicantIdOfPerson(person), 1, { 'applicant.surname': 'SCHMIDT', 'employment.position': 'engineer' });
    await announce(applicantIdOfPerson(person), 3, { 'applicant.surname': 'SCHMIDT', 'employment.position': 'director' });
    await eventually(async () => (await prefillOf('employment.position', applicant))?.value === 'director', { what: 'version 3' });
    expect((await prefillOf('employment.position', applicant))?.value).toBe('director');
  });

  it("never gives an applicant another person's record, even after trying to file under their passport", async () => {
    await eventually(async () => (await prefillOf('applicant.email', applicantToken(victim)))?.value === 'victim@example.com', { what: "the victim's own record" });

    const forged = await call('POST', '/api/cases', bodyFor(template, victim, newUscc()), applicant);
    expect(forged.status).toBe(403);
    expect(forged.body.error?.code).toBe('identity_mismatch');
    const own = await call('POST', '/api/cases', bodyFor(template, person, newUscc()), applicant);
    expect(own.status).toBe(201);

    expect(await prefilledPaths(applicant)).toEqual(expect.not.arrayContaining(['applicant.email', 'applicant.phone', 'employment.annualSalaryCny']));
    expect(JSON.stringify(await formFor(applicant))).not.toContain('victim@example.com');
  });

  it('pre-fills nothing for an anonymous caller, an employer or a clerk, whoever they file for', async () => {
    const uscc = newUscc();
    const employer = employerToken(uscc);
    expect((await call('POST', '/api/cases', bodyFor(template, victim, uscc), employer)).status).toBe(201);
    expect(await prefilledPaths()).toEqual([]);
    expect(await prefilledPaths(employer)).toEqual([]);
    expect(await prefilledPaths(staffToken('clerk'))).toEqual([]);
    expect(await prefilledPaths(applicantToken(newPerson()))).toEqual([]);
  });

  describe('consent to each reused fact', () => {
    it('offers each fact with the record version it comes from, and no agency for a value filed with a case', async () => {
      const returning = newPerson();
      const decidedIn = await announce(applicantIdOfPerson(returning), 4, { 'applicant.surname': 'OKAFOR' });
      const prefill = await eventually(() => prefillOf('applicant.surname', applicantToken(returning)), { what: 'the pre-fill' });
      expect(prefill).toMatchObject({ value: 'OKAFOR', source: 'portal.case.submitted', sourceCaseId: decidedIn, recordVersion: 4, sourceAgency: null });
    });

    it('sends each declined fact to the Big Data Bureau with the record version and source it came from, once with the case, never its value', async () => {
      const returning = newPerson();
      const auth = applicantToken(returning);
      const earlier = await announce(applicantIdOfPerson(returning), 7, { 'applicant.phone': '+8613911112222', 'applicant.email': 'keep@example.com', 'employment.position': 'chemist' });
      await eventually(async () => (await prefillOf('applicant.phone', auth))?.recordVersion === 7, { what: 'the pre-fill, version 7' });

      const body = { ...bodyFor(template, returning, newUscc()), prefillConsent: { recordVersion: 7, accepted: ['applicant.email'], declined: ['employment.position', 'applicant.phone'] } };
      const key = randomUUID();
      const filed = await call('POST', '/api/cases', body, auth, { 'idempotency-key': key });
      expect(filed.status).toBe(201);
      // The same submission again (a double click): the same case, nothing published twice.
      const again = await call('POST', '/api/cases', body, auth, { 'idempotency-key': key });
      expect(again.body.caseId).toBe(filed.body.caseId);

      const declined = await declinedOnTheBus([filed.body.caseId]);
      expect(declined).toHaveLength(1);
      expect(declined[0].caseId).toBe(filed.body.caseId);
      expect(declined[0].applicantId).toBe(applicantIdOfPerson(returning));
      expect(declined[0].facts.map((fact) => ({ path: fact.path, recordVersion: Number(fact.recordVersion), source: fact.source, sourceCaseId: fact.sourceCaseId }))).toEqual([
        { path: 'applicant.phone', recordVersion: 7, source: 'portal.case.submitted', sourceCaseId: earlier },
        { path: 'employment.position', recordVersion: 7, source: 'portal.case.submitted', sourceCaseId: earlier },
      ]);
      expect(JSON.stringify(declined[0], (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).not.toMatch(/8613911112222|chemist/);

      // The case itself, as the agencies get it, carries no consent.
      const [submitted] = (await collectFromTopic(kafka, Topics.portal, (m) => decodeEnvelope(m.value!).caseId === filed.body.caseId && decodeEnvelope(m.value!).type === Events.CaseSubmitted.type)).map(
        (m) => decodeEvent(m.value!)!.payload as CaseSubmitted,
      );
      expect(JSON.stringify(submitted.additionalFields ?? {})).not.toContain('prefillConsent');
    });

    it("declines only the applicant's own facts: another person's record is never consulted, and an employer's consent publishes nothing", async () => {
      const victimId = applicantIdOfPerson(victim);
      // The attacker, signed in as themselves, names the victim's passport: refused before anything is stored.
      const forged = await call('POST', '/api/cases', { ...bodyFor(template, victim, newUscc()), prefillConsent: { declined: ['applicant.email'] } }, applicant);
      expect(forged.status).toBe(403);
      // Their own case, declining a fact only the victim's record holds: there is nothing of theirs to refuse.
      const own = await call('POST', '/api/cases', { ...bodyFor(template, person, newUscc()), prefillConsent: { declined: ['applicant.email', 'applicant.phone'] } }, applicant);
      expect(own.status).toBe(201);
      // An employer filing for the victim, "declining" the victim's facts: an employer has no record here.
      const uscc = newUscc();
      const employer = await call('POST', '/api/cases', { ...bodyFor(template, victim, uscc), prefillConsent: { declined: ['applicant.email'] } }, employerToken(uscc));
      expect(employer.status).toBe(201);

      expect(await declinedOnTheBus([own.body.caseId, employer.body.caseId], victimId)).toEqual([]);
    });

    it('refuses a consent with bad entries, naming each, in a case and in a draft alike', async () => {
      const returning = newPerson();
      const auth = applicantToken(returning);
      const consent = { declined: ['applicant.favouriteColour', 'applicant.phone'], accepted: ['applicant.phone'], recordVersion: 'latest' };
      const refused = await call('POST', '/api/cases', { ...bodyFor(template, returning, newUscc()), prefillConsent: consent }, auth);
      expect(refused.status).toBe(400);
      expect(refused.body.error?.details?.map((detail) => detail.field).sort()).toEqual(['prefillConsent.declined.0', 'prefillConsent.declined.1', 'prefillConsent.recordVersion']);
      // A draft keeps the answer as it is and says what the submit would refuse.
      const draft = await call('POST', '/api/drafts', { items: ITEMS, prefillConsent: consent }, auth);
      expect(draft.status).toBe(201);
      expect(draft.body.problems?.map((problem) => problem.field)).toEqual(expect.arrayContaining(['prefillConsent.declined.0', 'prefillConsent.declined.1', 'prefillConsent.recordVersion']));
    });
  });
});
