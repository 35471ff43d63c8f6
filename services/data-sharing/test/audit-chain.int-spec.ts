import { LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { message, onTheWire } from '@work-permit/catalogue';
import { type AccessLogHeadPublished, applicantIdOf, decodeEnvelope, decodeEvent, encodeEvent, Events, LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, Topics } from '@work-permit/contracts';
import { databaseUrlFor } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import { LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY } from '../src/record/audit/audit-chain-key';
import { chain } from '../src/record/audit/hash-chain';
import { accessEntryOf as entryOf, type AccessLogRecord as LogRow, verifyAccessLog } from '../src/record/audit/verify-access-log';

const kafka = testKafka();
const READS = 5;

/** What someone with write access to the database but without the chain key can do, and what audit:verify then says. */
describe('the access log chain, from the side of someone who edits the database', () => {
  let service: ServiceUnderTest<DataSharingConfig>;
  let db: Client;
  let original: LogRow[];
  const passportNo = `A${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const applicantId = applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'GBR', passportNo);

  const auditVerify = () =>
    promisify(execFile)('npm', ['run', '--silent', 'audit:verify'], {
      cwd: join(__dirname, '../../..'),
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: service.config.DATABASE_URL, DATABASE_NAME: service.config.DATABASE_NAME, KAFKA_BROKERS: service.config.KAFKA_BROKERS },
    });
  const metric = async (name: string) => {
    const text = await (await fetch(`${service.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };
  const headsOfThisLog = async () =>
    (
      await collectFromTopic(
        kafka,
        Topics.sharing,
        (m) => decodeEnvelope(m.value!).type === Events.SharingAccessLogHeadPublished.type && (decodeEvent(m.value!)!.payload as AccessLogHeadPublished).log === service.config.DATABASE_NAME,
        { settleMs: 1_500 },
      )
    ).map((m) => decodeEvent(m.value!)!.payload as AccessLogHeadPublished);
  const rows = async () => (await db.query<LogRow>('SELECT * FROM record_access_log ORDER BY id')).rows;
  /** Rewrites rows from `fromId` on as a chain under `key`, with `edit` applied to their content. */
  async function rechain(key: string, fromId: number, edit: (row: LogRow) => Partial<LogRow> = () => ({})): Promise<void> {
    const current = await rows();
    let previous = fromId > 1 ? { id: fromId - 1, hash: current[fromId - 2].hash } : undefined;
    for (const row of current.filter((r) => Number(r.id) >= fromId)) {
      const edited = { ...entryOf(row), ...edit(row) };
      const next = chain(key, previous, edited);
      await db.query('UPDATE record_access_log SET purpose = $2, prev_hash = $3, hash = $4 WHERE id = $1', [row.id, next.purpose, next.prevHash, next.hash]);
      previous = next;
    }
  }
  async function restore(): Promise<void> {
    await db.query('DELETE FROM record_access_log');
    for (const row of original) {
      await db.query('INSERT INTO record_access_log (id, at, applicant_id, agency, subject, purpose, fields, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
        row.id,
        row.at,
        row.applicant_id,
        row.agency,
        row.subject,
        row.purpose,
        JSON.stringify(row.fields),
        row.prev_hash,
        row.hash,
      ]);
    }
    await eventually(async () => (await metric('audit_chain_intact')) === 1, { what: 'the scheduled check to find the chain intact again' });
  }

  beforeAll(async () => {
    // The submission arrives on a topic of the test's own: no backlog of earlier suites to wait behind.
    const topic = await createTestTopic(kafka, 'audit-chain');
    service = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config), {
      AUDIT_HEAD_PUBLISH_INTERVAL_MS: '300',
      AUDIT_VERIFY_INTERVAL_MS: '300',
    });
    const caseId = randomUUID();
    const event = encodeEvent(
      Events.CaseSubmitted,
      {
        caseId,
        submittedBy: { subject: `applicant-${randomUUID()}`, role: 'applicant' },
        items: [{ code: 'RESIDENCE_PERMIT', action: 'issue' }],
        applicant: { surname: 'JONES', givenNames: 'ANNA', nationality: 'GBR', passportNo },
        catalogueVersion: '2026.1',
        applicantId,
      },
      { caseId, correlationId: caseId, causationId: caseId },
    );
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
    await producer.disconnect();
    const officer = signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: 'officer-psb-7', role: 'officer', agency: 'psb' });
    const read = () => fetch(`${service.url}/api/records/${applicantId}`, { headers: { authorization: `Bearer ${officer}`, 'x-purpose': 'residence permit review' } });
    await eventually(async () => (await read()).status === 200, { what: 'the record to know the person' });
    for (let n = 1; n < READS; n += 1) expect((await read()).status).toBe(200);
    db = new Client({ connectionString: databaseUrlFor(service.config.DATABASE_URL, service.config.DATABASE_NAME) });
    await db.connect();
    original = await rows();
    expect(original).toHaveLength(READS);
    await eventually(async () => (await metric('audit_head_published_row')) === READS, { what: 'the head of the log to be published' });
  });

  afterAll(async () => {
    await db?.end();
    await service?.close();
  });

  it('publishes the head when it moved, never the same head twice, and finds the chain intact under the key', async () => {
    const heads = await headsOfThisLog();
    const ids = heads.map((head) => Number(head.rowId));
    expect(ids[ids.length - 1]).toBe(READS);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(heads[heads.length - 1]).toMatchObject({ hash: original[READS - 1].hash, rowAt: expect.anything() });
    expect(await metric('audit_chain_intact')).toBe(1);
    expect(await metric('audit_chain_verified_rows')).toBe(READS);
    const { stdout } = await auditVerify();
    expect(stdout).toContain(`${READS} rows, chain intact under the key, reaches the published head, row ${READS}`);
  });

  it('finds a deleted tail, which the chain alone cannot show, by the published head', async () => {
    await db.query('DROP TRIGGER record_access_log_append_only ON record_access_log');
    await db.query('DELETE FROM record_access_log WHERE id > 3');
    // What is left is a perfect chain: only the head published outside the database shows the loss.
    expect(await verifyAccessLog(async (sql, params) => (await db.query(sql, params)).rows, LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY)).toMatchObject({ ok: true, rows: 3 });
    await expect(auditVerify()).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`chain broken at row 4: ${onTheWire(message('sharing.audit.tail_deleted', { head: READS, rows: 3 }))}`),
    });
    await eventually(async () => (await metric('audit_chain_intact')) === 0, { what: 'the scheduled check to raise the broken chain' });
    await restore();
  });

  it('finds a chain recomputed without the key', async () => {
    await rechain('a key the attacker guessed, long enough to look real', 1);
    await expect(auditVerify()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`chain broken at row 1: ${onTheWire(message('sharing.audit.hash_mismatch'))}`) });
    await eventually(async () => (await metric('audit_chain_intact')) === 0, { what: 'the scheduled check to raise the broken chain' });
    await restore();
  });

  it('finds a chain rewritten by someone holding the key, by the published head', async () => {
    await rechain(LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY, 3, () => ({ purpose: 'nothing to see' }));
    // In Chinese, then English: `row N is not the row published as the head (its hash differs): the chain was rewritten`.
    await expect(auditVerify()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(onTheWire(message('sharing.audit.rewritten', { head: READS }))) });
    await restore();
  });

  it('finds a forged row, and publishes no head over it', async () => {
    const last = original[READS - 1];
    const forged = { ...entryOf(last), id: READS + 1, subject: 'nobody', purpose: 'forged' };
    await db.query('INSERT INTO record_access_log (id, at, applicant_id, agency, subject, purpose, fields, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
      forged.id,
      forged.at,
      forged.applicantId,
      forged.agency,
      forged.subject,
      forged.purpose,
      JSON.stringify(forged.fields),
      last.hash,
      'f'.repeat(64),
    ]);
    await expect(auditVerify()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`chain broken at row ${READS + 1}`) });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await metric('audit_head_published_row')).toBe(READS);
    await restore();
  });
});
