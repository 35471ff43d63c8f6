import type { MessageInitShape } from '@bufbuild/protobuf';
import { LOCAL_DEVELOPMENT_JWT_SECRET, type Agency, type Role, signToken } from '@work-permit/auth';
import { applicantIdOf, decodeEnvelope, decodeEvent, Decision, encodeEvent, type EventDefinition, Events, ItemStatus, type RecordUpdated, Topics } from '@work-permit/contracts';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, eventually, testKafka, uniqueName } from '@work-permit/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import { verifyAccessLog } from '../src/record/audit/verify-access-log';
import type { AccessLogView } from '../src/record/records.controller';
import type { ReleasedRecord } from '../src/record/record-view';
import { rebuildFromTopics } from '../src/replay/rebuild-from-topics';

const kafka = testKafka();

type ResponseBody = ReleasedRecord & AccessLogView & { error: { code: string; message: string; details: unknown[] } };
const token = (role: Role, subject = `${role}-${randomUUID()}`, agency?: Agency) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role, agency });

function databaseUrl(config: DataSharingConfig, name = config.DATABASE_NAME): string {
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

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
  const passportNo = `T${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const applicantId = applicantIdOf('DEU', passportNo);
  const applicantSubject = `applicant-${randomUUID()}`;
  const firstCase = randomUUID();
  const secondCase = randomUUID();
  // Event times, not the wall clock, order the record; a replay sees the same ones.
  const t0 = Date.UTC(2026, 2, 2, 1, 0, 0);
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);

  const call = async (path: string, { auth, purpose }: { auth: string; purpose?: string }) => {
    const response = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${auth}`, ...(purpose === undefined ? {} : { 'x-purpose': purpose }) } });
    return { status: response.status, body: (await response.json()) as ResponseBody };
  };

  async function publish<D extends EventDefinition>(definition: D, payload: MessageInitShape<D['schema']>, caseId: string, occurredAt: Date): Promise<void> {
    const event = encodeEvent(definition, payload, { caseId, correlationId: caseId, causationId: caseId, occurredAt });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: event.topic, messages: [{ key: event.key, value: event.value }] });
    await producer.disconnect();
  }

  const query = <T>(sql: string, params: unknown[] = []) => withDatabase(databaseUrl(service.config), async (client) => (await client.query(sql, params)).rows as T[]);

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

  beforeAll(async () => {
    service = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => AppModule.register(config));
    await publish(Events.CaseSubmitted, submission(firstCase, 'engineer'), firstCase, at(0));
    await eventually(async () => (await query('SELECT 1 FROM record_case WHERE case_id = $1', [firstCase])).length === 1, { what: 'the first case in the record' });
    await publish(Events.ApprovalItemDecided, { caseId: firstCase, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo: 'WP2026001', validFrom: '2026-03-01', validTo: '2028-02-28', category: 'A', points: 90 } }, firstCase, at(5));
    await publish(Events.HrssItemDecided, { caseId: firstCase, itemCode: 'SOCIAL_INSURANCE', action: 'apply', agency: 'hrss', decision: Decision.GRANTED, result: { socialSecurityNo: 'SS370001' } }, firstCase, at(6));
    await publish(Events.PsbItemProgressed, { caseId: firstCase, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', status: ItemStatus.WITHDRAWN, reason: 'withdrawn by the applicant' }, firstCase, at(7));
    await eventually(async () => (await query('SELECT 1 FROM record_permit WHERE case_id = $1', [firstCase])).length === 3, { what: 'three items in the record' });
    await publish(Events.CaseSubmitted, submission(secondCase, 'lead engineer'), secondCase, at(60));
    await eventually(async () => (await query('SELECT 1 FROM record_case WHERE case_id = $1', [secondCase])).length === 1, { what: 'the second case in the record' });
  });

  afterAll(() => service?.close());

  it('folds identity, employment, permits and holdings from the events, with their history', async () => {
    const { status, body } = await call(`/api/records/${applicantId}`, { auth: token('officer', 'officer-approval-1', 'approval'), purpose: 'work permit review' });
    expect(status).toBe(200);
    expect(body.fields['employment.position']).toEqual({ value: 'lead engineer', source: 'portal.case.submitted', sourceCaseId: secondCase, updatedAt: at(60).toISOString() });
    expect(body.fields['holdings.workPermitNo']).toEqual({ value: 'WP2026001', source: 'approval.item.decided', sourceCaseId: firstCase, updatedAt: at(5).toISOString() });
    expect(body.permits).toEqual([
      expect.objectContaining({ item: 'WORK_PERMIT', status: 'granted', permitNo: 'WP2026001', validTo: '2028-02-28', agency: 'approval', caseId: firstCase }),
      expect.objectContaining({ item: 'SOCIAL_INSURANCE', status: 'granted', socialSecurityNo: 'SS370001', agency: 'hrss' }),
      expect.objectContaining({ item: 'RESIDENCE_PERMIT', status: 'withdrawn', agency: 'psb' }),
    ]);
    expect(body.history).toContainEqual({ at: at(60).toISOString(), subject: 'employment.position', caseId: secondCase, oldValue: 'engineer', newValue: 'lead engineer', source: 'portal.case.submitted' });
  });

  it('announces the pre-fillable part with a version that grows', async () => {
    const updates = await collectFromTopic(kafka, Topics.sharing, (m) => decodeEnvelope(m.value!).type === Events.SharingRecordUpdated.type && (decodeEvent(m.value!)!.payload as RecordUpdated).applicantId === applicantId, { settleMs: 2_000 });
    // Another copy of this service on the shared broker (a parallel test run) may announce the same versions too.
    const byVersion = new Map(updates.map((m) => decodeEvent(m.value!)!.payload as RecordUpdated).map((p) => [Number(p.version), p]));
    expect([...byVersion.keys()].sort()).toEqual([1, 2, 3]);
    const latest = Object.fromEntries(byVersion.get(3)!.fields.map((f) => [f.path, f]));
    expect(latest['employment.position']).toMatchObject({ valueJson: '"lead engineer"', source: 'portal.case.submitted', sourceCaseId: secondCase });
    expect(latest['holdings.workPermitValidTo']).toMatchObject({ valueJson: '"2028-02-28"', source: 'approval.item.decided' });
    expect(latest['materials.NO_CRIMINAL_RECORD']).toBeUndefined();
  });

  it('releases different fields to two agencies reading the same record', async () => {
    const psb = await call(`/api/records?passportNo=${passportNo}&nationality=DEU`, { auth: token('officer', 'officer-psb-1', 'psb'), purpose: 'residence permit review' });
    const hrss = await call(`/api/records/${applicantId}`, { auth: token('officer', 'officer-hrss-1', 'hrss'), purpose: 'social insurance registration' });
    expect(psb.status).toBe(200);
    expect(hrss.status).toBe(200);
    expect(psb.body.released).toContain('materials.NO_CRIMINAL_RECORD');
    expect(hrss.body.released).not.toContain('materials.NO_CRIMINAL_RECORD');
    expect(hrss.body.fields['materials.NO_CRIMINAL_RECORD']).toBeUndefined();
    expect(hrss.body.fields['applicant.passportNo'].value).toBe(passportNo);
    const analyst = await call(`/api/records/${applicantId}`, { auth: token('analyst'), purpose: 'statistics' });
    expect(analyst.body.fields['applicant.surname']).toBeUndefined();
    expect(analyst.body.fields['employment.position'].value).toBe('lead engineer');
  });

  it('refuses a read without X-Purpose, naming the header', async () => {
    for (const purpose of [undefined, '   ']) {
      const response = await call(`/api/records/${applicantId}`, { auth: token('officer', 'officer-psb-2', 'psb'), purpose });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'purpose_required', details: [{ field: 'X-Purpose', message: expect.any(String) }] });
      expect(response.body.error.message).toContain('X-Purpose');
    }
    expect((await call(`/api/records/${applicantId}`, { auth: token('applicant'), purpose: 'curious' })).status).toBe(403);
    expect((await call(`/api/records/ap_${'0'.repeat(32)}`, { auth: token('officer', 'o', 'psb'), purpose: 'review' })).status).toBe(404);
  });

  it('lists every read to the applicant and to an admin, and to nobody else', async () => {
    const mine = await call(`/api/records/${applicantId}/access-log`, { auth: token('applicant', applicantSubject) });
    expect(mine.status).toBe(200);
    expect(mine.body.reads.map((r: { agency: string; purpose: string }) => [r.agency, r.purpose])).toEqual([
      ['approval', 'work permit review'],
      ['psb', 'residence permit review'],
      ['hrss', 'social insurance registration'],
      ['bigdata', 'statistics'],
    ]);
    expect(mine.body.reads[2].fields).toEqual([...mine.body.reads[2].fields].sort());
    expect(mine.body.reads[2]).not.toHaveProperty('subject');
    const admin = await call(`/api/records/${applicantId}/access-log`, { auth: token('admin') });
    expect(admin.body.reads[1]).toMatchObject({ agency: 'psb', subject: 'officer-psb-1' });
    expect((await call(`/api/records/${applicantId}/access-log`, { auth: token('applicant') })).status).toBe(403);
    expect((await call(`/api/records/${applicantId}/access-log`, { auth: token('officer', 'o', 'psb') })).status).toBe(403);
  });

  it('keeps the access log append-only, and the verify command finds a row altered behind the trigger', async () => {
    const url = databaseUrl(service.config);
    await withDatabase(url, async (client) => {
      expect(await verifyAccessLog(client)).toMatchObject({ ok: true, rows: 4 });
      await expect(client.query(`UPDATE record_access_log SET purpose = 'nothing' WHERE id = 2`)).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM record_access_log WHERE id = 4')).rejects.toThrow(/append-only/);
      // An attacker with database access.
      await client.query('DROP TRIGGER record_access_log_append_only ON record_access_log');
      await client.query(`UPDATE record_access_log SET purpose = 'nothing to see' WHERE id = 2`);
      expect(await verifyAccessLog(client)).toMatchObject({ ok: false, brokenAt: 2, rows: 1 });
    });
    const verify = promisify(execFile)('npm', ['run', '--silent', 'audit:verify'], {
      cwd: join(__dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: service.config.DATABASE_URL, DATABASE_NAME: service.config.DATABASE_NAME },
    });
    await expect(verify).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('chain broken at row 2') });
  });

  it('rebuilds from the topics the same record as the live one', async () => {
    const name = uniqueName('wp_test_sharing_rebuild').toLowerCase();
    const config = loadConfig(DataSharingConfig, { ...process.env, NODE_ENV: 'test', DATABASE_URL: service.config.DATABASE_URL, KAFKA_BROKERS: service.config.KAFKA_BROKERS, LOG_LEVEL: 'warn' }, { ...serviceConfigDefaults(DataSharingService), DATABASE_NAME: name });
    try {
      const report = await rebuildFromTopics(config);
      expect(report.folds).toContain('shared applicant record');
      expect(report.folds).not.toContain('abnormal-list screening');
      const snapshot = (url: string) =>
        withDatabase(url, async (client) => {
          const rows = async (sql: string) => (await client.query(sql, [applicantId])).rows;
          const cases = `SELECT case_id FROM record_case WHERE applicant_id = $1`;
          return {
            applicant: await rows('SELECT * FROM record_applicant WHERE applicant_id = $1'),
            cases: await rows('SELECT * FROM record_case WHERE applicant_id = $1 ORDER BY case_id'),
            fields: await rows('SELECT * FROM record_field WHERE applicant_id = $1 ORDER BY path'),
            permits: await rows(`SELECT * FROM record_permit WHERE case_id IN (${cases}) ORDER BY case_id, item`),
            history: await rows(`SELECT case_id, subject, old_value, new_value, source, source_event_id, occurred_at FROM record_change WHERE case_id IN (${cases}) ORDER BY occurred_at, subject`),
            statistics: await statisticsOf(client, [firstCase, secondCase]),
          };
        });
      const live = await snapshot(databaseUrl(service.config));
      const rebuilt = await snapshot(databaseUrl(config, name));
      expect(live.fields.length).toBeGreaterThan(10);
      expect(live.applicant).toEqual([{ applicant_id: applicantId, version: 3 }]);
      if (live.statistics['stats_case']) expect(live.statistics['stats_case']).toHaveLength(2);
      expect(rebuilt).toEqual(live);
      await withDatabase(databaseUrl(config, name), async (client) => {
        expect((await client.query('SELECT count(*)::int AS n FROM outbox_message')).rows[0].n).toBe(0);
      });
    } finally {
      await withDatabase(service.config.DATABASE_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });
});
