import type { MessageInitShape } from '@bufbuild/protobuf';
import { LOCAL_DEVELOPMENT_JWT_SECRET, type Agency, signToken } from '@work-permit/auth';
import { localize, message, onTheWire, toWire } from '@work-permit/catalogue';
import {
  applicantIdOf,
  decodeEnvelope,
  decodeEvent,
  Decision,
  encodeEvent,
  type EventDefinition,
  Events,
  ItemStatus,
  LOCAL_DEVELOPMENT_APPLICANT_ID_KEY,
  type RecordUpdated,
  Topics,
} from '@work-permit/contracts';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, createTestTopic, eventually, testKafka, uniqueName, withTestDatabaseClient } from '@work-permit/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import type { AccessLogView } from '../src/record/audit/access-log-view';
import { LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY } from '../src/record/audit/audit-chain-key';
import { verifyAccessLog } from '../src/record/audit/verify-access-log';
import type { ReleasedRecord } from '../src/record/record-view';
import { rebuildFromTopics } from '../src/replay/rebuild-from-topics';

const kafka = testKafka();

type ResponseBody = ReleasedRecord &
  AccessLogView & { error: { code: string; message: string; messages: { zh: string; en: string }; details: { field: string; message: string; messages?: { zh: string; en: string } }[] } };
const officer = (agency: Agency, subject = `officer-${agency}-${randomUUID()}`) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role: 'officer', agency });
const staff = (role: 'analyst' | 'admin') => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `${role}-${randomUUID()}`, role, ...(role === 'analyst' ? { agency: 'bigdata' as const } : {}) });
/** An applicant signed in through the identity provider: the token carries their verified passport. */
const applicant = (nationality: string, passportNo: string, subject = `applicant-${randomUUID()}`) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role: 'applicant', nationality, passportNo });
const rowsOf = (client: Client) => async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[];

/** The statistics fold's rows of these cases, when the fold is there, in a stable order. */
async function statisticsOf(client: Client, caseIds: string[]): Promise<Record<string, string[]>> {
  const tables = (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'stats\\_%' ORDER BY table_name`)).rows as { table_name: string }[];
  const result: Record<string, string[]> = {};
  for (const { table_name: table } of tables) {
    const { rows } = await client.query(`SELECT * FROM "${table}" WHERE case_id::text = ANY($1)`, [caseIds]);
    result[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

describe('the shared applicant record', () => {
  let service: ServiceUnderTest<DataSharingConfig>;
  let topic: string;
  const passportNo = `T${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const applicantId = applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'DEU', passportNo);
  const applicantSubject = `applicant-${randomUUID()}`;
  // Another person, who signs in too.
  const otherPassportNo = `U${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const otherApplicantId = applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'FRA', otherPassportNo);
  const firstCase = randomUUID();
  const secondCase = randomUUID();
  const employerCase = randomUUID();
  const withdrawal = message('review.withdrawn_by', { by: 'applicant' });
  const otherCase = randomUUID();
  // Event times, not the wall clock, order the record; a replay sees the same ones.
  const t0 = Date.UTC(2026, 2, 2, 1, 0, 0);
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);

  const call = async (path: string, { auth, purpose, lang }: { auth?: string; purpose?: string; lang?: 'zh' | 'en' }) => {
    const response = await fetch(`${service.url}${path}`, {
      headers: { ...(auth === undefined ? {} : { authorization: `Bearer ${auth}` }), ...(purpose === undefined ? {} : { 'x-purpose': purpose }), ...(lang === undefined ? {} : { 'accept-language': lang }) },
    });
    return { status: response.status, body: (await response.json()) as ResponseBody };
  };

  async function publish<D extends EventDefinition>(definition: D, payload: MessageInitShape<D['schema']>, caseId: string, occurredAt: Date): Promise<void> {
    const event = encodeEvent(definition, payload, { caseId, correlationId: caseId, causationId: caseId, occurredAt });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
    await producer.disconnect();
  }

  const query = <T>(sql: string, params: unknown[] = []) => withTestDatabaseClient(service.config.DATABASE_NAME, async (client) => (await client.query(sql, params)).rows as T[]);

  const submission = (caseId: string, position: string) => ({
    caseId,
    submittedBy: { subject: applicantSubject, role: 'applicant' },
    items: [{ code: 'WORK_PERMIT', action: 'issue' }],
    applicant: { surname: 'SCHMIDT', givenNames: 'MARIA', sex: 'F', nationality: 'DEU', passportNo, email: 'maria@example.com', workExperienceYears: 8 },
    employer: { uscc: '91371000MA3C5LXX0F', name: 'Weihai Example Co.', contactName: 'WANG Fang' },
    employment: { position, annualSalaryCny: 480000n, contractStart: '2026-03-01', contractEnd: '2028-02-29' },
    materials: [{ code: 'NO_CRIMINAL_RECORD', sha256: 'a'.repeat(64), fileName: 'police.pdf', issuedAt: '2026-01-10' }],
    catalogueVersion: '2026.1',
    applicantId,
  });

  // An employer files for the same person: its token proves the employer, not the person.
  const employerFiling = {
    ...submission(employerCase, 'intern'),
    submittedBy: { subject: `employer-${randomUUID()}`, role: 'employer' },
    applicant: { surname: 'SCHMIDT', givenNames: 'MARIA', sex: 'F', nationality: 'DEU', passportNo, email: 'maria@example.com', phone: '+86 631 555 0100', workExperienceYears: 8 },
    materials: [{ code: 'NO_CRIMINAL_RECORD', sha256: 'b'.repeat(64), fileName: 'other.pdf', issuedAt: '2026-02-20' }],
  };

  beforeAll(async () => {
    // The events arrive on a topic of the test's own: no backlog of earlier suites to wait behind, and a rebuild reads just them.
    topic = await createTestTopic(kafka, 'record');
    service = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config));
    await publish(Events.CaseSubmitted, submission(firstCase, 'engineer'), firstCase, at(0));
    await eventually(async () => (await query('SELECT 1 FROM record_case WHERE case_id = $1', [firstCase])).length === 1, { what: 'the first case in the record' });
    await publish(Events.ApprovalItemDecided, { caseId: firstCase, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo: 'WP2026001', validFrom: '2026-03-01', validTo: '2028-02-28', category: 'A', points: 90 } }, firstCase, at(5));
    await publish(Events.HrssItemDecided, { caseId: firstCase, itemCode: 'SOCIAL_INSURANCE', action: 'apply', agency: 'hrss', decision: Decision.GRANTED, result: { socialSecurityNo: 'SS370001' } }, firstCase, at(6));
    await publish(
      Events.PsbItemProgressed,
      { caseId: firstCase, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', status: ItemStatus.WITHDRAWN, reason: onTheWire(withdrawal), reasonMessage: toWire(withdrawal) },
      firstCase,
      at(7),
    );
    await eventually(async () => (await query('SELECT 1 FROM record_permit WHERE case_id = $1', [firstCase])).length === 3, { what: 'three items in the record' });
    // The employer's filing (later in time) arrives before the person's own second case: the kept values do not depend on it.
    await publish(Events.CaseSubmitted, employerFiling, employerCase, at(90));
    await eventually(async () => (await query('SELECT 1 FROM record_case WHERE case_id = $1', [employerCase])).length === 1, { what: "the employer's case in the record" });
    await publish(Events.CaseSubmitted, submission(secondCase, 'lead engineer'), secondCase, at(60));
    await eventually(async () => (await query('SELECT 1 FROM record_case WHERE case_id = $1', [secondCase])).length === 1, { what: 'the second case in the record' });
    const other = submission(otherCase, 'designer');
    await publish(
      Events.CaseSubmitted,
      { ...other, applicantId: otherApplicantId, submittedBy: { subject: `applicant-${randomUUID()}`, role: 'applicant' }, applicant: { ...other.applicant, nationality: 'FRA', passportNo: otherPassportNo, surname: 'DUPONT' } },
      otherCase,
      at(120),
    );
    await eventually(async () => (await query('SELECT 1 FROM record_case WHERE case_id = $1', [otherCase])).length === 1, { what: "the other person's case in the record" });
  });

  afterAll(() => service?.close());

  it('folds identity, employment, permits and holdings from the events, with their history', async () => {
    const { status, body } = await call(`/api/records/${applicantId}`, { auth: officer('approval', 'officer-approval-1'), purpose: 'work permit review' });
    expect(status).toBe(200);
    expect(body.fields['employment.position']).toEqual({ value: 'lead engineer', source: 'portal.case.submitted', sourceCaseId: secondCase, updatedAt: at(60).toISOString(), trust: 'verified', offeredBy: 'applicant' });
    expect(body.fields['holdings.workPermitNo']).toEqual({ value: 'WP2026001', source: 'approval.item.decided', sourceCaseId: firstCase, updatedAt: at(5).toISOString(), trust: 'verified', offeredBy: 'agency' });
    // The work permit bureau's scope: its own item and its steps, not the other agencies' items.
    expect(body.permits).toEqual([expect.objectContaining({ item: 'WORK_PERMIT', status: 'granted', permitNo: 'WP2026001', validTo: '2028-02-28', agency: 'approval', caseId: firstCase })]);
    expect(body.history).toContainEqual({ at: at(60).toISOString(), subject: 'employment.position', caseId: secondCase, oldValue: 'engineer', newValue: 'lead engineer', source: 'portal.case.submitted' });
    expect(body.released).toContain('materials.NO_CRIMINAL_RECORD');
  });

  it("never lets an employer's later filing replace what the person filed, takes what the record lacked, and shows the officer the conflicts", async () => {
    const { body } = await call(`/api/records/${applicantId}`, { auth: officer('approval', 'officer-approval-1'), purpose: 'work permit review' });
    expect(body.fields['employment.position']).toMatchObject({ value: 'lead engineer', trust: 'verified', sourceCaseId: secondCase });
    expect(body.fields['materials.NO_CRIMINAL_RECORD']).toMatchObject({ value: { issuedAt: '2026-01-10', sha256: 'a'.repeat(64) }, trust: 'verified' });
    expect(body.fields['applicant.phone']).toMatchObject({ value: '+86 631 555 0100', trust: 'unverified', offeredBy: 'employer', sourceCaseId: employerCase });
    expect(body.conflicts).toEqual([
      {
        path: 'employment.position',
        kept: expect.objectContaining({ value: 'lead engineer', sourceCaseId: secondCase, trust: 'verified', offeredBy: 'applicant' }),
        offered: { value: 'intern', source: 'portal.case.submitted', sourceCaseId: employerCase, updatedAt: at(90).toISOString(), trust: 'unverified', offeredBy: 'employer' },
      },
      {
        path: 'materials.NO_CRIMINAL_RECORD',
        kept: expect.objectContaining({ sourceCaseId: secondCase }),
        offered: expect.objectContaining({ value: { issuedAt: '2026-02-20', sha256: 'b'.repeat(64) }, sourceCaseId: employerCase }),
      },
    ]);
    expect(body.history.filter((change) => change.caseId === employerCase).map((change) => change.subject)).toEqual(['applicant.phone']);
  });

  it('announces the pre-fillable part with a version that grows', async () => {
    const updates = await collectFromTopic(kafka, Topics.sharing, (m) => decodeEnvelope(m.value!).type === Events.SharingRecordUpdated.type && (decodeEvent(m.value!)!.payload as RecordUpdated).applicantId === applicantId, { settleMs: 2_000 });
    // Another copy of this service on the shared broker (a parallel test run) may announce the same versions too.
    const byVersion = new Map(updates.map((m) => decodeEvent(m.value!)!.payload as RecordUpdated).map((p) => [Number(p.version), p]));
    expect([...byVersion.keys()].sort()).toEqual([1, 2, 3, 4]);
    const latest = Object.fromEntries(byVersion.get(4)!.fields.map((f) => [f.path, f]));
    expect(latest['employment.position']).toMatchObject({ valueJson: '"lead engineer"', source: 'portal.case.submitted', sourceCaseId: secondCase });
    expect(latest['holdings.workPermitValidTo']).toMatchObject({ valueJson: '"2028-02-28"', source: 'approval.item.decided' });
    expect(latest['applicant.phone']).toMatchObject({ valueJson: '"+86 631 555 0100"', sourceCaseId: employerCase });
    expect(latest['materials.NO_CRIMINAL_RECORD']).toBeUndefined();
  });

  it("releases to each agency the fields the catalogue's scope of its items gives it, and no names to an analyst", async () => {
    // The bureau reads in English (`?lang=en`), the analyst in the default language, Chinese.
    const psb = await call(`/api/records?passportNo=${passportNo}&nationality=DEU&lang=en`, { auth: officer('psb', 'officer-psb-1'), purpose: 'residence permit review' });
    const hrss = await call(`/api/records/${applicantId}`, { auth: officer('hrss', 'officer-hrss-1'), purpose: 'social insurance registration' });
    const scitech = await call(`/api/records/${applicantId}`, { auth: officer('scitech'), purpose: 'talent category' });
    const analyst = await call(`/api/records/${applicantId}`, { auth: staff('analyst'), purpose: 'statistics' });
    for (const response of [psb, hrss, scitech, analyst]) expect(response.status).toBe(200);
    // The HR bureau decides insurance, titles and the e-card: never the criminal-record check.
    expect(hrss.body.released).not.toContain('materials.NO_CRIMINAL_RECORD');
    expect(hrss.body.fields['materials.NO_CRIMINAL_RECORD']).toBeUndefined();
    expect(hrss.body.conflicts.map((c) => c.path)).toEqual(['employment.position']);
    expect(hrss.body.fields['applicant.passportNo'].value).toBe(passportNo);
    expect(hrss.body.released).toEqual(expect.arrayContaining(['employment.annualSalaryCny', 'permits.SOCIAL_INSURANCE']));
    expect(psb.body.released).not.toContain('employment.annualSalaryCny');
    expect(psb.body.released).not.toContain('permits.SOCIAL_INSURANCE');
    expect(psb.body.released).toEqual(expect.arrayContaining(['applicant.passportNo', 'permits.RESIDENCE_PERMIT', 'holdings.workPermitNo']));
    expect(hrss.body.released).not.toContain('permits.RESIDENCE_PERMIT');
    expect(hrss.body.permits).toEqual([
      expect.objectContaining({ item: 'WORK_PERMIT', status: 'granted', permitNo: 'WP2026001' }),
      expect.objectContaining({ item: 'SOCIAL_INSURANCE', status: 'granted', socialSecurityNo: 'SS370001', agency: 'hrss' }),
    ]);
    expect(psb.body.permits).toEqual([expect.objectContaining({ item: 'WORK_PERMIT', status: 'granted' }), expect.objectContaining({ item: 'RESIDENCE_PERMIT', status: 'withdrawn', agency: 'psb' })]);
    expect(psb.body.conflicts).toEqual([expect.objectContaining({ path: 'employment.position' })]);
    // The reason an item ended: in Chinese by default, in both languages beside; in English on request.
    const withdrawn = localize(withdrawal);
    expect(withdrawn.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(psb.body.permits[1]).toMatchObject({ reason: 'withdrawn by the applicant', reasons: withdrawn });
    expect(psb.body.history).toContainEqual(expect.objectContaining({ subject: 'permits.RESIDENCE_PERMIT', newValue: { status: 'withdrawn', reason: 'withdrawn by the applicant', reasons: withdrawn } }));
    expect(analyst.body.permits).toContainEqual(expect.objectContaining({ item: 'RESIDENCE_PERMIT', status: 'withdrawn', reason: withdrawn.zh, reasons: withdrawn }));
    expect(analyst.body.history).toContainEqual(expect.objectContaining({ subject: 'permits.RESIDENCE_PERMIT', newValue: { status: 'withdrawn', reason: withdrawn.zh, reasons: withdrawn } }));
    expect(scitech.body.fields['applicant.passportNo']).toBeUndefined();
    expect(scitech.body.fields['applicant.workExperienceYears'].value).toBe(8);
    for (const name of ['applicant.surname', 'applicant.givenNames', 'applicant.passportNo', 'applicant.email', 'employer.contactName']) {
      expect(analyst.body.fields[name]).toBeUndefined();
    }
    expect(analyst.body.fields['employment.position'].value).toBe('lead engineer');
  });

  it('refuses a read without X-Purpose, naming the header, and reads by anyone but officers and analysts', async () => {
    for (const purpose of [undefined, '   ']) {
      const response = await call(`/api/records/${applicantId}`, { auth: officer('psb', 'officer-psb-2'), purpose });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'purpose_required',
        message: '请求头 X-Purpose 必填：请说明查阅事由',
        messages: { zh: '请求头 X-Purpose 必填：请说明查阅事由', en: 'header X-Purpose is required: say why you read this record' },
        details: [{ field: 'X-Purpose', message: '必填：请说明查阅事由' }],
      });
    }
    const inEnglish = await call(`/api/records/${applicantId}`, { auth: officer('psb', 'officer-psb-2'), lang: 'en' });
    expect(inEnglish.body.error).toMatchObject({ message: 'header X-Purpose is required: say why you read this record', details: [{ field: 'X-Purpose', message: 'required: say why you read this record' }] });
    const tooLong = await call(`/api/records/${applicantId}`, { auth: officer('psb', 'officer-psb-2'), purpose: 'x'.repeat(501), lang: 'en' });
    expect(tooLong.body.error).toMatchObject({ code: 'purpose_required', message: 'header X-Purpose is at most 500 characters', details: [{ field: 'X-Purpose', message: 'at most 500 characters' }] });
    expect((await call(`/api/records/${applicantId}`, { auth: applicant('DEU', passportNo), purpose: 'my own record' })).status).toBe(403);
    expect((await call(`/api/records/${applicantId}`, { purpose: 'review' })).status).toBe(401);
    const unknown = await call(`/api/records/ap_${'0'.repeat(32)}`, { auth: officer('psb'), purpose: 'review' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'record_not_found', message: '共享档案中没有此人', messages: { en: 'the shared record knows no such person' } });
  });

  it("shows an applicant who read their record, by their token's identity, and no one else's", async () => {
    const reads = [
      ['approval', 'work permit review'],
      ['approval', 'work permit review'],
      ['psb', 'residence permit review'],
      ['hrss', 'social insurance registration'],
      ['scitech', 'talent category'],
      ['bigdata', 'statistics'],
    ];
    // Another subject signed in as the same verified person is the same person.
    for (const path of [`/api/records/${applicantId}/access-log`, '/api/records/mine/access-log']) {
      const mine = await call(path, { auth: applicant('DEU', passportNo) });
      expect(mine.status).toBe(200);
      expect(mine.body.applicantId).toBe(applicantId);
      expect(mine.body.reads.map((r) => [r.agency, r.purpose])).toEqual(reads);
      expect(mine.body.reads[3]).toEqual({
        at: expect.any(String),
        agency: 'hrss',
        agencyName: { zh: '威海市人力资源和社会保障局', en: 'Weihai Human Resources and Social Security Bureau' },
        fields: [...mine.body.reads[3].fields].sort(),
        purpose: 'social insurance registration',
        // In plain words, Chinese first (access-log-sentence.ts): who, which facts, when, why.
        sentence: expect.stringMatching(/^\d{4}年\d+月\d+日 \d{2}:\d{2}，威海市人力资源和社会保障局为“social insurance registration”读取了您的.*年薪（人民币元）.*。$/),
        sentences: { zh: expect.any(String), en: expect.stringContaining('the Weihai Human Resources and Social Security Bureau read your') },
      });
      expect(mine.body.reads[3].fields).toContain('employment.annualSalaryCny');
    }

    // Applicant B, signed in as themselves: A's log is not theirs, whoever filed what.
    const b = applicant('FRA', otherPassportNo);
    const refused = await call(`/api/records/${applicantId}/access-log`, { auth: b });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'identity_mismatch',
      message: '只能查看令牌所核验身份本人的访问记录',
      messages: { en: 'you may read only the access log of the identity your token verifies' },
      details: [{ field: 'applicantId', message: '不是令牌所核验的身份', messages: { en: 'is not the identity your token verifies' } }],
    });
    const refusedInEnglish = await call(`/api/records/${applicantId}/access-log`, { auth: b, lang: 'en' });
    expect(refusedInEnglish.body.error).toMatchObject({ message: 'you may read only the access log of the identity your token verifies', details: [{ message: 'is not the identity your token verifies' }] });
    expect((await call(`/api/records/${applicantId}/access-log`, { auth: applicant('DEU', 'X1234567') })).status).toBe(403);
    expect((await call(`/api/records/mine/access-log`, { auth: b })).body.reads).toEqual([]);
    await call(`/api/records/${otherApplicantId}`, { auth: officer('approval'), purpose: 'work permit review of B' });
    const bMine = await call('/api/records/mine/access-log', { auth: b });
    expect(bMine.body).toMatchObject({ applicantId: otherApplicantId, reads: [{ agency: 'approval', purpose: 'work permit review of B' }] });
    expect((await call(`/api/records/${otherApplicantId}/access-log`, { auth: b })).body.reads).toHaveLength(1);

    const admin = await call(`/api/records/${applicantId}/access-log`, { auth: staff('admin') });
    expect(admin.body.reads[2]).toMatchObject({ agency: 'psb', subject: 'officer-psb-1' });
    expect(admin.body.reads).toHaveLength(reads.length);
    expect((await call(`/api/records/${applicantId}/access-log`, { auth: officer('psb') })).status).toBe(403);
    expect((await call(`/api/records/${applicantId}/access-log`, { auth: staff('analyst') })).status).toBe(403);
    expect((await call('/api/records/mine/access-log', { auth: staff('admin') })).status).toBe(403);
    expect((await call(`/api/records/${applicantId}/access-log`, {})).status).toBe(401);
    expect((await call('/api/records/mine/access-log', {})).status).toBe(401);
  });

  it('keeps the access log append-only, and the verify command finds a row altered behind the trigger', async () => {
    await withTestDatabaseClient(service.config.DATABASE_NAME, async (client) => {
      expect(await verifyAccessLog(rowsOf(client), LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY)).toMatchObject({ ok: true, rows: 7 });
      await expect(client.query(`UPDATE record_access_log SET purpose = 'nothing' WHERE id = 2`)).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM record_access_log WHERE id = 7')).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE record_access_log')).rejects.toThrow(/append-only/);
      // An attacker with database access.
      await client.query('DROP TRIGGER record_access_log_append_only ON record_access_log');
      await client.query(`UPDATE record_access_log SET purpose = 'nothing to see' WHERE id = 2`);
      expect(await verifyAccessLog(rowsOf(client), LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY)).toMatchObject({ ok: false, brokenAt: 2, rows: 1 });
    });
    const verify = promisify(execFile)('npm', ['run', '--silent', 'audit:verify'], {
      cwd: join(__dirname, '../../..'),
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: service.config.DATABASE_URL, DATABASE_NAME: service.config.DATABASE_NAME, KAFKA_BROKERS: service.config.KAFKA_BROKERS },
    });
    await expect(verify).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('chain broken at row 2') });
  });

  it('rebuilds from the topics the same record as the live one', async () => {
    const name = uniqueName('wp_test_sharing_rebuild').toLowerCase();
    const config = loadConfig(DataSharingConfig, { ...process.env, NODE_ENV: 'test', DATABASE_URL: service.config.DATABASE_URL, KAFKA_BROKERS: service.config.KAFKA_BROKERS, LOG_LEVEL: 'warn' }, { ...serviceConfigDefaults(DataSharingService), DATABASE_NAME: name });
    try {
      const report = await rebuildFromTopics(config, { topics: [topic] });
      expect(report.folds).toContain('shared applicant record');
      expect(report.folds).not.toContain('abnormal-list screening');
      const snapshot = (database: string) =>
        withTestDatabaseClient(database, async (client) => {
          const rows = async (sql: string) => (await client.query(sql, [applicantId])).rows;
          const cases = `SELECT case_id FROM record_case WHERE applicant_id = $1`;
          return {
            applicant: await rows('SELECT * FROM record_applicant WHERE applicant_id = $1'),
            cases: await rows('SELECT * FROM record_case WHERE applicant_id = $1 ORDER BY case_id'),
            fields: await rows('SELECT * FROM record_field WHERE applicant_id = $1 ORDER BY path'),
            offers: await rows('SELECT * FROM record_offer WHERE applicant_id = $1 ORDER BY path, source_event_id'),
            permits: await rows(`SELECT * FROM record_permit WHERE case_id IN (${cases}) ORDER BY case_id, item`),
            history: await rows(`SELECT case_id, subject, old_value, new_value, source, source_event_id, occurred_at FROM record_change WHERE case_id IN (${cases}) ORDER BY occurred_at, subject`),
            statistics: await statisticsOf(client, [firstCase, secondCase, employerCase]),
          };
        });
      const live = await snapshot(service.config.DATABASE_NAME);
      const rebuilt = await snapshot(name);
      expect(live.fields.length).toBeGreaterThan(10);
      expect(live.applicant).toEqual([{ applicant_id: applicantId, version: 4 }]);
      expect(live.offers.filter((offer: { source_case_id: string }) => offer.source_case_id === employerCase).length).toBeGreaterThan(5);
      if (live.statistics['stats_case']) expect(live.statistics['stats_case']).toHaveLength(3);
      expect(rebuilt).toEqual(live);
      await withTestDatabaseClient(name, async (client) => {
        expect((await client.query('SELECT count(*)::int AS n FROM outbox_message')).rows[0].n).toBe(0);
      });
    } finally {
      await withTestDatabaseClient(undefined, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });
});
