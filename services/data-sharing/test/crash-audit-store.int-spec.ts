import { LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { applicantIdOf, encodeEvent, Events, LOCAL_DEVELOPMENT_APPLICANT_ID_KEY } from '@work-permit/contracts';
import { databaseUrlFor } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import { LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY } from '../src/record/audit/audit-chain-key';
import { verifyAccessLog } from '../src/record/audit/verify-access-log';

const kafka = testKafka();

/**
 * Issue 16, case 9: the access log unavailable — its writes refused, or the table gone — and the
 * shared record read anyway. Every read fails closed: 503 in the platform's error shape, no field of
 * the record in the body, no row in the log; once the log is back, reads are served and logged again,
 * the chain intact. Counted: reads asked, served, logged — served equals logged.
 */
describe('data-sharing: record reads while the access log is unavailable', () => {
  let service: ServiceUnderTest<DataSharingConfig>;
  let topic: string;
  const passportNo = `CR${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;
  const applicantId = applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'DEU', passportNo);
  const officer = signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `officer-psb-${randomUUID()}`, role: 'officer', agency: 'psb' });

  const sql = async <T>(statement: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: databaseUrlFor(service.config.DATABASE_URL, service.config.DATABASE_NAME) });
    await client.connect();
    try {
      return (await client.query(statement, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const logged = async () => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM record_access_log WHERE applicant_id = $1', [applicantId]))[0].n;
  const read = async (path: string, lang?: 'en') => {
    const response = await fetch(`${service.url}${path}`, {
      headers: { authorization: `Bearer ${officer}`, 'x-purpose': 'residence permit review', ...(lang && { 'accept-language': lang }) },
    });
    return { status: response.status, text: await response.text() };
  };
  const byId = () => read(`/api/records/${applicantId}`);
  const byPassport = (lang?: 'en') => read(`/api/records?nationality=DEU&passportNo=${passportNo}`, lang);

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'crash-audit');
    service = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config));
    const caseId = randomUUID();
    const event = encodeEvent(
      Events.CaseSubmitted,
      {
        caseId,
        submittedBy: { subject: `applicant-${randomUUID()}`, role: 'applicant' },
        items: [{ code: 'RESIDENCE_PERMIT', action: 'issue' }],
        applicant: { surname: 'KRAMER', givenNames: 'JONAS', nationality: 'DEU', passportNo, birthDate: '1984-04-04' },
        catalogueVersion: '2026.1',
        applicantId,
      },
      { caseId, correlationId: caseId, causationId: caseId },
    );
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
    await producer.disconnect();
    await eventually(async () => (await sql('SELECT 1 FROM record_case WHERE case_id = $1', [caseId])).length === 1, { what: 'the case in the record' });
  }, 120_000);

  afterAll(() => service?.close());

  /** A read refused because the log could not be written: 503, the platform's error body and nothing of the record. */
  const expectFailedClosed = ({ status, text }: { status: number; text: string }, lang: 'zh' | 'en' = 'zh') => {
    expect(status).toBe(503);
    const body = JSON.parse(text) as { error: { code: string; message: string; messages: { zh: string; en: string } } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toMatchObject({ code: 'audit_unavailable', message: body.error.messages[lang] });
    for (const personal of ['KRAMER', 'JONAS', passportNo, '1984-04-04', applicantId]) expect(text).not.toContain(personal);
  };

  it('serves no read it cannot log, and serves and logs again once the log is back', async () => {
    let asked = 0;
    let served = 0;
    const count = <R extends { status: number }>(response: R) => {
      asked += 1;
      if (response.status === 200) served += 1;
      return response;
    };

    expect(count(await byId()).status).toBe(200);
    expect(await logged()).toBe(1);

    // The log refuses writes (a failing disk, a revoked grant, a full tablespace: PostgreSQL says no).
    await sql(`CREATE FUNCTION crash_test_refuse_access_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'access log unavailable'; END $$`);
    await sql('CREATE TRIGGER crash_test_refuse BEFORE INSERT ON record_access_log FOR EACH ROW EXECUTE FUNCTION crash_test_refuse_access_log()');
    try {
      expectFailedClosed(count(await byId()));
      expectFailedClosed(count(await byPassport()));
      expectFailedClosed(count(await byPassport('en')), 'en');
    } finally {
      await sql('DROP TRIGGER crash_test_refuse ON record_access_log');
    }
    expect(await logged()).toBe(1);

    // The log's table gone altogether.
    await sql('ALTER TABLE record_access_log RENAME TO record_access_log_offline');
    try {
      expectFailedClosed(count(await byId()));
    } finally {
      await sql('ALTER TABLE record_access_log_offline RENAME TO record_access_log');
    }

    expect(count(await byPassport()).status).toBe(200);
    // Asked 6, served 2, logged 2: nothing served without its row; the chain unbroken.
    expect({ asked, served, logged: await logged() }).toEqual({ asked: 6, served: 2, logged: 2 });
    expect(await verifyAccessLog(sql, LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY)).toMatchObject({ ok: true });
  });
});
