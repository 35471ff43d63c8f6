import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { encodeEvent, Events } from '@work-permit/contracts';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
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
  prefill?: { value: unknown; source: string; sourceCaseId: string; updatedAt: string };
}

describe('portal pre-fill from the shared record (once-only)', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let topic: string;
  let template: Record<string, unknown>;
  const person = newPerson();
  const applicant = applicantToken(person);
  // Somebody else, whose record an attacker signed in as `person` is after.
  const victim = newPerson('AUT');

  const call = async (method: string, path: string, body: unknown, auth?: string) => {
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { fields: FormField[]; caseId: string; error?: { code: string } } };
  };

  async function announce(applicantId: string, version: number, fields: Record<string, unknown>): Promise<void> {
    const caseId = randomUUID();
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
    expect(position).toEqual({ value: 'lead engineer', source: 'portal.case.submitted', sourceCaseId: expect.any(String), updatedAt: '2026-03-01T08:00:00.000Z' });
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
});
