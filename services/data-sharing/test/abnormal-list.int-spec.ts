import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { CURRENT_CATALOGUE_VERSION, fromWire, message, officerReason, onTheWire } from '@work-permit/catalogue';
import { decodeEvent, encodeEvent, Events, type ItemProgressed, ItemStatus, Topics } from '@work-permit/contracts';
import { chinaDateOf, databaseUrlFor } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import type { AbnormalListEntryView } from '../src/screening/abnormal-list-entry.view';

const kafka = testKafka();
const DAY = 86_400_000;
const chinaDay = (offsetDays: number) => chinaDateOf(new Date(Date.now() + offsetDays * DAY));

type Body = AbnormalListEntryView & {
  entries: AbnormalListEntryView[];
  error: { code: string; message: string; messages: { zh: string; en: string }; details: { field: string; message: string; messages?: { zh: string; en: string } }[] };
};

function officer(agency: Agency): { subject: string; token: string } {
  const subject = `officer-${agency}-${randomUUID()}`;
  return { subject, token: signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role: 'officer', agency }) };
}
const officers = { bigdata: officer('bigdata'), psb: officer('psb'), hrss: officer('hrss'), scitech: officer('scitech') };
const analyst = signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `analyst-${randomUUID()}`, role: 'analyst', agency: 'bigdata' });
const applicant = signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `applicant-${randomUUID()}`, role: 'applicant', passportNo: 'C01X00T47', nationality: 'DEU' });
const passport = () => `L${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;

describe('the abnormal-information list, from each side', () => {
  let service: ServiceUnderTest<DataSharingConfig>;
  // The portal's submissions arrive on a topic of the test's own: no backlog of earlier suites to wait behind.
  let topic: string;

  const call = async (method: 'GET' | 'POST', path: string, auth?: string, body?: unknown, lang?: 'zh' | 'en') => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(lang === undefined ? {} : { 'accept-language': lang }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Body };
  };
  const report = (agency: keyof typeof officers, body: Record<string, unknown>, lang?: 'zh' | 'en') =>
    call('POST', '/api/abnormal-list', officers[agency].token, { nationality: 'GBR', reason: 'forged degree certificate', ...body }, lang);
  const listed = async (auth: string, query = '') => (await call('GET', `/api/abnormal-list${query}`, auth)).body.entries.map((entry) => entry.id);
  const query = async <T>(sql: string, params: unknown[]) => {
    const client = new Client({ connectionString: databaseUrlFor(service.config.DATABASE_URL, service.config.DATABASE_NAME) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  /** Submits a work permit case for the passport and waits for its screening's outcome. */
  async function screened(passportNo: string): Promise<string> {
    return (await screenedCase(passportNo)).outcome;
  }

  async function screenedCase(passportNo: string, person: { surname?: string; birthDate?: string } = {}): Promise<{ caseId: string; outcome: string }> {
    const caseId = randomUUID();
    const event = encodeEvent(
      Events.CaseSubmitted,
      {
        caseId,
        submittedBy: { subject: `applicant-${randomUUID()}`, role: 'applicant' },
        items: [{ code: 'WORK_PERMIT', action: 'issue' }],
        applicant: { surname: 'BROWN', givenNames: 'ALEX', nationality: 'GBR', passportNo, birthDate: '1985-05-05', ...person },
        catalogueVersion: CURRENT_CATALOGUE_VERSION,
      },
      { caseId, correlationId: caseId, causationId: caseId },
    );
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
    await producer.disconnect();
    const outcome = await eventually(async () => (await query<{ outcome: string }>('SELECT outcome FROM applicant_screening WHERE case_id = $1', [caseId]))[0]?.outcome, { what: 'the screening of the case' });
    return { caseId, outcome };
  }

  /** The screening step's progress events of a case, as published. */
  const progressOf = async (caseId: string) =>
    (await collectFromTopic(kafka, Topics.sharing, (m) => decodeEvent(m.value!)?.caseId === caseId && decodeEvent(m.value!)!.type === Events.SharingItemProgressed.type)).map(
      (m) => decodeEvent(m.value!)!.payload as ItemProgressed,
    );

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'abnormal-list');
    service = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config));
  });

  afterAll(() => service?.close());

  it('records who reported each entry, for their own agency only, and refuses an expiry in the past', async () => {
    const byPsb = await report('psb', { passportNo: passport() });
    expect(byPsb.status).toBe(201);
    expect(byPsb.body).toMatchObject({ source: 'psb', reportedBy: officers.psb.subject, status: 'active', expiresOn: null, liftedAt: null });

    const forged = await report('psb', { passportNo: passport(), source: 'hrss' });
    expect(forged.status).toBe(403);
    expect(forged.body.error).toMatchObject({
      code: 'identity_mismatch',
      message: '工作人员只能以本部门名义报告',
      messages: { zh: '工作人员只能以本部门名义报告', en: 'an officer reports for their own agency only' },
      details: [{ field: 'source', message: '不是令牌所属的部门', messages: { zh: '不是令牌所属的部门', en: 'is not the agency your token names' } }],
    });
    const forgedInEnglish = await report('psb', { passportNo: passport(), source: 'hrss' }, 'en');
    expect(forgedInEnglish.body.error).toMatchObject({ message: 'an officer reports for their own agency only', details: [{ field: 'source', message: 'is not the agency your token names' }] });
    expect((await report('psb', { passportNo: passport(), source: 'psb' })).status).toBe(201);

    const expiring = await report('hrss', { passportNo: passport(), expiresOn: chinaDay(30) });
    expect(expiring.body).toMatchObject({ source: 'hrss', reportedBy: officers.hrss.subject, expiresOn: chinaDay(30), status: 'active' });
    const past = await report('hrss', { passportNo: passport(), expiresOn: chinaDay(-2) });
    expect(past.status).toBe(400);
    expect(past.body.error).toMatchObject({ code: 'validation_failed', message: '请求中有无效字段', details: [{ field: 'expiresOn', message: `不得早于今天（中国时间${chinaDay(0)}）` }] });
    const pastInEnglish = await report('hrss', { passportNo: passport(), expiresOn: chinaDay(-2) }, 'en');
    expect(pastInEnglish.body.error).toMatchObject({
      message: 'the request has invalid fields',
      details: [{ field: 'expiresOn', message: `must not be in the past (today is ${chinaDay(0)} in China)` }],
    });

    const body = { passportNo: passport(), nationality: 'GBR', reason: 'x' };
    expect((await call('POST', '/api/abnormal-list', analyst, body)).status).toBe(403);
    expect((await call('POST', '/api/abnormal-list', applicant, body)).status).toBe(403);
    expect((await call('POST', '/api/abnormal-list', undefined, body)).status).toBe(401);
  });

  it("shows the Big Data Bureau every entry and another agency only its own reports; analysts and applicants nothing", async () => {
    const psbEntry = (await report('psb', { passportNo: passport() })).body.id;
    const hrssEntry = (await report('hrss', { passportNo: passport() })).body.id;
    const everything = await listed(officers.bigdata.token);
    expect(everything).toEqual(expect.arrayContaining([psbEntry, hrssEntry]));
    const psb = await listed(officers.psb.token);
    expect(psb).toContain(psbEntry);
    expect(psb).not.toContain(hrssEntry);
    const hrss = await listed(officers.hrss.token);
    expect(hrss).toContain(hrssEntry);
    expect(hrss).not.toContain(psbEntry);
    expect(await listed(officers.scitech.token)).toEqual([]);
    const psbView = (await call('GET', '/api/abnormal-list', officers.psb.token)).body.entries;
    expect(psbView.every((entry) => entry.source === 'psb')).toBe(true);
    expect((await call('GET', '/api/abnormal-list', analyst)).status).toBe(403);
    expect((await call('GET', '/api/abnormal-list', applicant)).status).toBe(403);
    expect((await call('GET', '/api/abnormal-list')).status).toBe(401);
  });

  it('lets the reporting agency or the Big Data Bureau lift an entry with a reason; to anyone else it does not exist', async () => {
    const psbEntry = (await report('psb', { passportNo: passport() })).body.id;
    const hrssEntry = (await report('hrss', { passportNo: passport() })).body.id;
    const lift = (id: string, auth: string, body: unknown = { reason: 'the conviction was quashed' }) => call('POST', `/api/abnormal-list/${id}/lift`, auth, body);

    const hidden = await lift(psbEntry, officers.hrss.token);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toMatchObject({ code: 'entry_not_found', message: `没有您可查看的条目${psbEntry}`, messages: { en: `no entry ${psbEntry} on the list you may see` } });
    expect((await lift(randomUUID(), officers.bigdata.token)).status).toBe(404);
    expect((await lift(psbEntry, analyst)).status).toBe(403);
    expect((await lift(psbEntry, officers.psb.token, {})).body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'reason' }] });
    const lifted = await lift(psbEntry, officers.psb.token);
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ id: psbEntry, status: 'lifted', liftedBy: officers.psb.subject, liftReason: 'the conviction was quashed', liftedAt: expect.any(String) });
    const again = await call('POST', `/api/abnormal-list/${psbEntry}/lift`, officers.psb.token, { reason: 'the conviction was quashed' }, 'en');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'entry_already_lifted', message: `entry ${psbEntry} was lifted already`, messages: { zh: `条目${psbEntry}已解除` } });
    expect((await lift(hrssEntry, officers.bigdata.token)).body).toMatchObject({ status: 'lifted', liftedBy: officers.bigdata.subject });

    expect(await listed(officers.bigdata.token, '?status=lifted')).toEqual(expect.arrayContaining([psbEntry, hrssEntry]));
    expect(await listed(officers.bigdata.token, '?status=active')).not.toContain(psbEntry);
    expect(await listed(officers.psb.token, '?status=lifted')).not.toContain(hrssEntry);
    const bogus = await call('GET', '/api/abnormal-list?status=gone', officers.bigdata.token);
    expect(bogus.status).toBe(400);
    expect(bogus.body.error.details).toEqual([{ field: 'status', message: '取值不在允许范围内', messages: { zh: '取值不在允许范围内', en: 'status must be one of active, lifted, expired' } }]);
    // `?lang=` is the language of the answer, not an unknown parameter.
    const inEnglish = await call('GET', '/api/abnormal-list?status=gone&lang=en', officers.bigdata.token);
    expect(inEnglish.body.error.details).toEqual([expect.objectContaining({ field: 'status', message: 'status must be one of active, lifted, expired' })]);
    expect((await call('GET', '/api/abnormal-list?status=active&lang=en', officers.bigdata.token)).status).toBe(200);
  });

  it('stops a match once an entry is lifted or has expired', async () => {
    const [active, lifted, expired] = [passport(), passport(), passport()];
    await report('psb', { passportNo: active });
    const liftedEntry = (await report('psb', { passportNo: lifted })).body.id;
    const expiredEntry = (await report('psb', { passportNo: expired, expiresOn: chinaDay(0) })).body.id;
    expect(await screened(lifted)).toBe('listed');

    await call('POST', `/api/abnormal-list/${liftedEntry}/lift`, officers.psb.token, { reason: 'reported in error' });
    // Days pass: the entry's last day is behind us.
    await query('UPDATE abnormal_list_entry SET expires_on = $2 WHERE id = $1', [expiredEntry, chinaDay(-3)]);
    expect(await listed(officers.psb.token, '?status=expired')).toEqual([expiredEntry]);

    expect(await screened(active)).toBe('listed');
    expect(await screened(lifted)).toBe('clear');
    expect(await screened(expired)).toBe('clear');
  });

  it("says why a case goes to a joint review or waits for an officer, as the catalogue's message with the entries' reasons as written", async () => {
    const listedPassport = passport();
    await report('psb', { passportNo: listedPassport, reason: '伪造学历证书' });
    const listed = await screenedCase(listedPassport);
    expect(listed.outcome).toBe('listed');
    const [referral] = await progressOf(listed.caseId);
    const because = message('screening.listed', { reasons: [officerReason('伪造学历证书')] });
    expect(referral).toMatchObject({ itemCode: 'ABNORMAL_LIST_SCREENING', status: ItemStatus.JOINT_REVIEW, reason: onTheWire(because) });
    expect(fromWire(referral.reasonMessage, '')).toEqual(because);
    expect(referral.reason).toMatch(/^申请人在异常信息名单上（伪造学历证书）.* \/ The applicant is on the abnormal-information list \(伪造学历证书\)/);

    const birthDate = '1979-02-03';
    await report('psb', { passportNo: passport(), surname: 'BROWNE', givenNames: 'ALEX', birthDate });
    const possible = await screenedCase(passport(), { surname: 'BROWN', birthDate });
    expect(possible.outcome).toBe('possible');
    const [check] = await progressOf(possible.caseId);
    expect(check).toMatchObject({ status: ItemStatus.IN_REVIEW, reason: onTheWire(message('screening.possible_match')) });
    expect(fromWire(check.reasonMessage, '')).toEqual(message('screening.possible_match'));
  });
});
