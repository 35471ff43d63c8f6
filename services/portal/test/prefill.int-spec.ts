import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { applicantIdOf, encodeEvent, Events } from '@work-permit/contracts';
import { startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';

const kafka = testKafka();
const ITEMS = [{ code: 'WORK_PERMIT', action: 'issue' }];

interface FormField {
  path: string;
  example: unknown;
  prefill?: { value: unknown; source: string; sourceCaseId: string; updatedAt: string };
}

describe('portal pre-fill from the shared record (once-only)', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  const subject = `applicant-${randomUUID()}`;
  const applicant = signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role: 'applicant' });
  const passportNo = `P${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const applicantId = applicantIdOf('DEU', passportNo);

  const call = async (method: string, path: string, body: unknown, auth?: string) => {
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { fields: FormField[]; caseId: string } };
  };

  async function announce(version: number, position: string): Promise<void> {
    const caseId = randomUUID();
    const field = (path: string, value: unknown) => ({ path, valueJson: JSON.stringify(value), source: 'portal.case.submitted', sourceCaseId: caseId, updatedAt: timestampFromDate(new Date('2026-03-01T08:00:00Z')) });
    const event = encodeEvent(Events.SharingRecordUpdated, { applicantId, version: BigInt(version), fields: [field('applicant.surname', 'SCHMIDT'), field('employment.position', position)] }, { caseId, correlationId: caseId, causationId: caseId });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: event.topic, messages: [{ key: event.key, value: event.value }] });
    await producer.disconnect();
  }

  const prefillOf = async (path: string, auth?: string) => (await call('POST', '/api/forms', { items: ITEMS }, auth)).body.fields.find((f) => f.path === path)?.prefill;

  beforeAll(async () => {
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => AppModule.register(config));
    const form = await call('POST', '/api/forms', { items: ITEMS });
    const body: Record<string, unknown> = { items: ITEMS, materials: [] };
    for (const { path, example } of form.body.fields) {
      const keys = path.split('.');
      let node = body;
      for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[keys[keys.length - 1]] = example;
    }
    (body.applicant as Record<string, unknown>).passportNo = passportNo;
    (body.applicant as Record<string, unknown>).nationality = 'DEU';
    expect((await call('POST', '/api/cases', body, applicant)).status).toBe(201);
  });

  afterAll(() => portal?.close());

  it("pre-fills a returning applicant's form from the latest record, each field with its source", async () => {
    await announce(2, 'lead engineer');
    const position = await eventually(() => prefillOf('employment.position', applicant), { what: 'the pre-filled position' });
    expect(position).toEqual({ value: 'lead engineer', source: 'portal.case.submitted', sourceCaseId: expect.any(String), updatedAt: '2026-03-01T08:00:00.000Z' });
    expect(await prefillOf('applicant.surname', applicant)).toMatchObject({ value: 'SCHMIDT' });
    expect(await prefillOf('applicant.givenNames', applicant)).toBeUndefined();
  });

  it('keeps the newest version when an older announcement arrives late', async () => {
    await announce(1, 'engineer');
    await announce(3, 'director');
    await eventually(async () => (await prefillOf('employment.position', applicant))?.value === 'director', { what: 'version 3' });
    expect((await prefillOf('employment.position', applicant))?.value).toBe('director');
  });

  it('pre-fills nothing for an anonymous caller or another applicant', async () => {
    expect(await prefillOf('employment.position')).toBeUndefined();
    expect(await prefillOf('employment.position', signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `applicant-${randomUUID()}`, role: 'applicant' }))).toBeUndefined();
  });
});
