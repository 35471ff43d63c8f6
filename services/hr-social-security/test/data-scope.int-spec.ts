import type { AgencyCaseView } from '@work-permit/agency-review';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials, FIVE_ITEMS } from '@work-permit/agency-review/testing';
import { LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { encodeEvent, Events } from '@work-permit/contracts';
import { databaseUrlFor } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { chinaDayFrom, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { HrSocialSecurityConfig } from '../src/hr-social-security.config';
import { HrSocialSecurityService } from '../src/hr-social-security.service';

const kafka = testKafka();

/**
 * The HR bureau receives the whole five-item case on the bus, criminal-record certificate and talent
 * claims included. It keeps, and shows its officers, only what its data scope releases.
 */
describe('hr-social-security keeps only its data scope of a case', () => {
  let service: ServiceUnderTest<HrSocialSecurityConfig>;
  let producer: Producer;
  const caseId = randomUUID();
  const facts = exampleCaseFacts({ caseId, items: FIVE_ITEMS, materials: exampleMaterials(FIVE_ITEMS, chinaDayFrom(-9)) });

  beforeAll(async () => {
    const topic = await createTestTopic(kafka, 'hrss-scope');
    service = await startServiceUnderTest(HrSocialSecurityService, HrSocialSecurityConfig, (config) => consumingOnly(AppModule.register(config), HrSocialSecurityService, topic, config));
    producer = kafka.producer();
    await producer.connect();
    const event = encodeEvent(Events.CaseSubmitted, caseSubmittedOf(facts) as never, { caseId, correlationId: caseId, causationId: caseId });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it('sent more than it may keep (the test would prove nothing otherwise)', () => {
    expect(facts.materials.map((m) => m.code)).toEqual(expect.arrayContaining(['NO_CRIMINAL_RECORD', 'HEALTH_CERTIFICATE']));
    expect(facts.body).toHaveProperty('talent');
    expect(facts.body).toHaveProperty('residence.address');
  });

  it('stores the case without the documents and fields outside its scope', async () => {
    const stored = await eventually(
      async () => {
        const client = new Client({ connectionString: databaseUrlFor(service.config.DATABASE_URL, service.config.DATABASE_NAME) });
        await client.connect();
        try {
          const { rows } = await client.query<{ facts: { body: Record<string, Record<string, unknown>>; materials: { code: string }[] } }>('SELECT facts FROM review_case WHERE case_id = $1', [caseId]);
          return rows[0]?.facts;
        } finally {
          await client.end();
        }
      },
      { what: 'the case stored by the HR bureau' },
    );
    const codes = stored.materials.map((m) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['PASSPORT', 'EMPLOYMENT_CONTRACT', 'ACHIEVEMENT_EVIDENCE']));
    expect(codes).not.toContain('NO_CRIMINAL_RECORD');
    expect(codes).not.toContain('HEALTH_CERTIFICATE');
    expect(stored.body).not.toHaveProperty('talent');
    expect(stored.body).not.toHaveProperty('residence');
    expect(stored.body.applicant).not.toHaveProperty('chineseLevel');
    expect(stored.body.applicant.passportNo).toBe(facts.body.applicant.passportNo);
    expect(stored.body.title).toEqual(facts.body['title']);
  });

  it("shows its officers the case within its scope, and no other agency's officer anything", async () => {
    const auth = (agency: 'hrss' | 'psb') => ({ authorization: `Bearer ${signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `officer-${agency}`, role: 'officer', agency })}` });
    const response = await fetch(`${service.url}/api/items/${caseId}`, { headers: auth('hrss') });
    expect(response.status).toBe(200);
    const view = (await response.json()) as AgencyCaseView & { materials: { code: string }[]; otherSections?: Record<string, unknown> };
    expect(view.materials.map((m) => m.code)).not.toContain('NO_CRIMINAL_RECORD');
    expect(JSON.stringify(view)).not.toContain('"talent"');
    expect(view.applicant).toMatchObject({ passportNo: facts.body.applicant.passportNo });
    expect((await fetch(`${service.url}/api/items/${caseId}`, { headers: auth('psb') })).status).toBe(403);
  });
});
