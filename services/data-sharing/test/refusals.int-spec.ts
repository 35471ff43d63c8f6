import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { LOCAL_DEVELOPMENT_JWT_SECRET, type Agency, signToken } from '@work-permit/auth';
import { applicantIdOf, encodeEvent, type EventDefinition, Events, LOCAL_DEVELOPMENT_APPLICANT_ID_KEY } from '@work-permit/contracts';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import type { AccessLogView } from '../src/record/audit/access-log-view';
import type { ReleasedRecord } from '../src/record/record-view';

const kafka = testKafka();

type ResponseBody = ReleasedRecord & AccessLogView & { error?: { code: string } };
const officer = (agency: Agency) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `officer-${agency}-${randomUUID()}`, role: 'officer', agency });
const applicantToken = (nationality: string, passportNo: string) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `applicant-${randomUUID()}`, role: 'applicant', nationality, passportNo });

/**
 * Consent to each reused fact (A11), at the Big Data Bureau: the facts a person declined to reuse in a
 * case (`portal.prefill.declined`) noted in their record once, shown to the agencies whose scope
 * releases the fact and to the person, in plain words with their access log; nobody else's.
 */
describe('refusals to reuse in the shared record', () => {
  let service: ServiceUnderTest<DataSharingConfig>;
  let topic: string;
  const passportNo = `R${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const applicantId = applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'DEU', passportNo);
  // Another person with a record of their own, signed in too.
  const otherPassportNo = `S${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const otherApplicantId = applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'FRA', otherPassportNo);
  const firstCase = randomUUID();
  const secondCase = randomUUID();
  const otherCase = randomUUID();
  const t0 = Date.UTC(2026, 2, 2, 1, 0, 0);
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);

  const call = async (path: string, { auth, purpose }: { auth?: string; purpose?: string }) => {
    const response = await fetch(`${service.url}${path}`, { headers: { ...(auth === undefined ? {} : { authorization: `Bearer ${auth}` }), ...(purpose === undefined ? {} : { 'x-purpose': encodeURIComponent(purpose) }) } });
    return { status: response.status, body: (await response.json()) as ResponseBody };
  };

  async function send(messages: { key: Buffer | string | null; value: Buffer }[]): Promise<void> {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages });
    await producer.disconnect();
  }

  const encoded = <D extends EventDefinition>(definition: D, payload: MessageInitShape<D['schema']>, caseId: string, occurredAt: Date) =>
    encodeEvent(definition, payload, { caseId, correlationId: caseId, causationId: caseId, occurredAt });

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const url = new URL(service.config.DATABASE_URL);
    url.pathname = `/${service.config.DATABASE_NAME}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  const submission = (caseId: string, id: string, nationality: string, passport: string) => ({
    caseId,
    submittedBy: { subject: `applicant-${randomUUID()}`, role: 'applicant' },
    items: [{ code: 'WORK_PERMIT', action: 'issue' }],
    applicant: { surname: 'SCHMIDT', givenNames: 'MARIA', sex: 'F', nationality, passportNo: passport, phone: '+8613800138000', workExperienceYears: 8 },
    employer: { uscc: '91371000MA3C5LXX0F', name: 'Weihai Example Co.' },
    employment: { position: 'engineer', annualSalaryCny: 480000n, contractStart: '2026-03-01', contractEnd: '2028-02-29' },
    catalogueVersion: '2026.1',
    applicantId: id,
  });

  const declined = (caseId: string, person: string, paths: string[]) => ({
    caseId,
    applicantId: person,
    facts: paths.map((path) => ({ path, recordVersion: 1n, source: 'portal.case.submitted', sourceCaseId: firstCase, updatedAt: timestampFromDate(at(0)) })),
  });

  const refusalRows = (person: string) => query<{ case_id: string; path: string; record_version: number; source_case_id: string }>('SELECT case_id, path, record_version, source_case_id FROM record_refusal WHERE applicant_id = $1 ORDER BY path', [person]);

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'refusals');
    service = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config));
    const cases = [
      encoded(Events.CaseSubmitted, submission(firstCase, applicantId, 'DEU', passportNo), firstCase, at(0)),
      encoded(Events.CaseSubmitted, submission(otherCase, otherApplicantId, 'FRA', otherPassportNo), otherCase, at(1)),
      encoded(Events.CaseSubmitted, submission(secondCase, applicantId, 'DEU', passportNo), secondCase, at(60)),
    ];
    await send(cases.map((event) => ({ key: event.key, value: Buffer.from(event.value) })));
    await eventually(async () => (await query('SELECT 1 FROM record_case WHERE case_id = ANY($1)', [[firstCase, secondCase, otherCase]])).length === 3, { what: 'the three cases in the record' });

    // The person declines two facts in their second case; the announcement is delivered twice, and
    // announced once more (a new event: the portal's relay after a crash would not do that, but a replay might).
    const refusal = encoded(Events.PrefillDeclined, declined(secondCase, applicantId, ['applicant.phone', 'employment.annualSalaryCny']), secondCase, at(60));
    const again = encoded(Events.PrefillDeclined, declined(secondCase, applicantId, ['applicant.phone', 'employment.annualSalaryCny']), secondCase, at(60));
    // An announcement naming the other person for this person's case: not the case's person, not noted.
    const misattributed = encoded(Events.PrefillDeclined, declined(secondCase, otherApplicantId, ['applicant.surname']), secondCase, at(61));
    await send([refusal, refusal, again, misattributed].map((event) => ({ key: event.key, value: Buffer.from(event.value) })));
    await eventually(async () => (await query<{ n: string }>('SELECT count(*) AS n FROM inbox_entry WHERE event_id = ANY($1)', [[refusal.eventId, again.eventId, misattributed.eventId]]))[0].n === '3', {
      what: 'the announcements consumed',
    });
  });

  afterAll(() => service?.close());

  it('notes each declined fact once, with the case, the record version and the source it was offered from, however often it is delivered', async () => {
    expect(await refusalRows(applicantId)).toEqual([
      { case_id: secondCase, path: 'applicant.phone', record_version: 1, source_case_id: firstCase },
      { case_id: secondCase, path: 'employment.annualSalaryCny', record_version: 1, source_case_id: firstCase },
    ]);
  });

  it("never notes a refusal on a person the case is not about", async () => {
    expect(await refusalRows(otherApplicantId)).toEqual([]);
    const other = await call('/api/records/mine/access-log', { auth: applicantToken('FRA', otherPassportNo) });
    expect(other.status).toBe(200);
    expect(other.body.declined).toEqual([]);
  });

  it('shows each agency the refusals of the facts its scope releases, in the record read', async () => {
    const hrss = await call(`/api/records/${applicantId}`, { auth: officer('hrss'), purpose: '社会保险登记' });
    const psb = await call(`/api/records/${applicantId}`, { auth: officer('psb'), purpose: '审批居留许可' });
    const scitech = await call(`/api/records/${applicantId}`, { auth: officer('scitech'), purpose: 'talent category' });
    expect(hrss.body.refusals).toEqual([
      { path: 'applicant.phone', caseId: secondCase, refusedAt: at(60).toISOString(), recordVersion: 1, source: 'portal.case.submitted', sourceCaseId: firstCase },
      expect.objectContaining({ path: 'employment.annualSalaryCny', caseId: secondCase }),
    ]);
    // The Public Security Bureau never sees the salary, nor that it was declined; science and technology no contacts.
    expect(psb.body.refusals.map((refusal) => refusal.path)).toEqual(['applicant.phone']);
    expect(scitech.body.refusals.map((refusal) => refusal.path)).toEqual(['employment.annualSalaryCny']);
  });

  it('explains the access log to the person in plain sentences, Chinese first, with the reuses they declined', async () => {
    await call(`/api/records/${applicantId}`, { auth: officer('psb'), purpose: '审批居留许可' });
    const own = applicantToken('DEU', passportNo);
    const { status, body } = await call('/api/records/mine/access-log', { auth: own });
    expect(status).toBe(200);
    const read = body.reads.find((candidate) => candidate.agency === 'psb')!;
    expect(read.sentence).toMatch(/^2026年\d+月\d+日 \d{2}:\d{2}，威海市公安局出入境管理支队为审批居留许可读取了您的.*护照号码.*。$/);
    expect(read.sentences.en).toMatch(/^On \d+ \w+ 20\d\d at \d{2}:\d{2} \(China time\), the Weihai Public Security Bureau, Exit-Entry Administration read your .*passport number/);
    for (const entry of body.reads) expect(entry.sentence).not.toMatch(/applicant\.|employment\.|materials\.|permits\./);
    expect(body.declined).toEqual([
      {
        caseId: secondCase,
        refusedAt: at(60).toISOString(),
        paths: ['applicant.phone', 'employment.annualSalaryCny'],
        sentence: `2026年3月2日 10:00，您提交办件 ${secondCase.slice(0, 8)} 时拒绝了复用共享档案中您的手机号码和年薪（人民币元），并在申请表中重新填写。`,
        sentences: { zh: expect.any(String), en: expect.stringContaining('you declined the reuse of your mobile phone and your annual salary') },
      },
    ]);
    // The same by its id, in English on request.
    const byId = await call(`/api/records/${applicantId}/access-log?lang=en`, { auth: own });
    expect(byId.body.declined[0].sentence).toBe(byId.body.declined[0].sentences.en);
  });

  it("lets nobody else read a person's refusals: another applicant 403, no token 401, an officer 403", async () => {
    expect((await call(`/api/records/${applicantId}/access-log`, { auth: applicantToken('FRA', otherPassportNo) })).status).toBe(403);
    expect((await call(`/api/records/${applicantId}/access-log`, {})).status).toBe(401);
    expect((await call('/api/records/mine/access-log', {})).status).toBe(401);
    expect((await call(`/api/records/${applicantId}/access-log`, { auth: officer('psb') })).status).toBe(403);
  });
});
