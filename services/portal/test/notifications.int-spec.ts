import { message, toWire } from '@work-permit/catalogue';
import { Decision, encodeEvent, Events, ItemStatus } from '@work-permit/contracts';
import { chinaDateOf } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { CaseFile } from '../src/cases/case-file.entity';
import { NotificationWriter } from '../src/notifications/notification-writer';
import { addDays } from '../src/notifications/reminders/due-reminders';
import { PermitReminderWatch } from '../src/notifications/reminders/permit-reminder.watch';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';
import { applicantToken, bodyFor, bodyFromForm, employerToken, newPerson, newUscc, type Person, staffToken } from './parties';

const kafka = testKafka();

const TWO_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
];

interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port that keeps what it is sent. */
async function startSmtpSink(): Promise<{ url: string; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The text of a single-part mail, decoded from its transfer encoding. */
function textOf(raw: string): string {
  const end = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, end);
  const body = raw.slice(end + 4);
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const joined = body.replace(/=\r?\n/g, '');
    return Buffer.from(joined.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  return body;
}

interface NotificationView {
  id: string;
  caseId: string;
  item: string;
  kind: string;
  title: string;
  body: string;
  read: boolean;
}

describe('portal notifications', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let topic: string;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let formBody: Record<string, unknown>;

  const call = async (method: string, path: string, { auth, body, headers = {} }: { auth?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  const inbox = async (auth: string, lang?: 'zh' | 'en'): Promise<NotificationView[]> =>
    (await call('GET', `/api/notifications${lang ? `?lang=${lang}` : ''}`, { auth })).body.notifications;

  /**
   * Submits a case for a new person and employer, whose applicant has an email address of its own so
   * mails can be told apart; filed by the applicant unless `by` says otherwise.
   */
  async function submit(by: 'applicant' | 'employer' = 'applicant'): Promise<{ caseId: string; email: string; person: Person; uscc: string; applicant: string; employer: string }> {
    const person = newPerson();
    const uscc = newUscc();
    const email = `applicant-${randomUUID()}@example.com`;
    const body = bodyFor(formBody, person, uscc);
    (body.applicant as Record<string, unknown>).email = email;
    const applicant = applicantToken(person);
    const employer = employerToken(uscc);
    const response = await call('POST', '/api/cases', { auth: by === 'applicant' ? applicant : employer, body });
    expect(response.status).toBe(201);
    return { caseId: response.body.caseId, email, person, uscc, applicant, employer };
  }

  function encoded(definition: (typeof Events)[keyof typeof Events], payload: object, caseId: string) {
    return encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });
  }

  async function publish(event: ReturnType<typeof encoded>): Promise<{ partition: number; offset: string }> {
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
    await producer.disconnect();
    return { partition: sent.partition, offset: sent.baseOffset ?? '0' };
  }

  /** Until the portal's consumer group has committed past the message: it has been handled. */
  async function consumedPast(topic: string, { partition, offset }: { partition: number; offset: string }): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const [{ partitions }] = await admin.fetchOffsets({ groupId: portal.config.KAFKA_CONSUMER_GROUP!, topics: [topic] });
        return BigInt(partitions.find((p) => p.partition === partition)?.offset ?? '-1') > BigInt(offset);
      }, { what: `the portal to consume ${topic}/${partition}@${offset}` });
    } finally {
      await admin.disconnect();
    }
  }

  const waitForInbox = (auth: string, count: number) =>
    eventually(async () => {
      const notifications = await inbox(auth);
      return notifications.length >= count && notifications;
    }, { what: `${count} notification(s)` });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    // The agencies' events arrive on a topic of the test's own: no backlog of earlier suites to wait behind.
    topic = await createTestTopic(kafka, 'notifications');
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => consumingOnly(AppModule.register(config), PortalService, topic, config), {
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Work in Weihai <no-reply@weihai.test>',
      NOTIFICATION_DELIVERY_POLL_INTERVAL_MS: '100',
    });
    const form = await call('POST', '/api/forms', { body: { items: TWO_ITEMS } });
    formBody = bodyFromForm(form.body.fields, TWO_ITEMS);
  });

  afterAll(async () => {
    await portal?.close();
    await smtp?.close();
  });

  it('tells the applicant of a decision and a supplement request in zh and en, once each, in the inbox and by email', async () => {
    const { caseId, email, applicant } = await submit();
    const grant = encoded(
      Events.ApprovalItemDecided,
      { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo: 'WP-7', category: 'A', points: 92, validFrom: '2026-03-01', validTo: '2028-02-28' } },
      caseId,
    );
    await publish(grant);
    const [granted] = await waitForInbox(applicant, 1);
    expect(granted).toMatchObject({ caseId, item: 'WORK_PERMIT', kind: 'granted', read: false });
    // Chinese unless the reader asks for English (`?lang=en`, or Accept-Language).
    expect(granted.title).toMatch(/^已获批准：/);
    const [grantedEn] = await inbox(applicant, 'en');
    expect(grantedEn.title).toMatch(/^Granted: /);
    expect(grantedEn.body).toContain('Permit no. WP-7, valid from 2026-03-01 to 2028-02-28');
    const byHeader = (await call('GET', '/api/notifications', { auth: applicant, headers: { 'accept-language': 'en-US,en;q=0.9' } })).body.notifications as NotificationView[];
    expect(byHeader[0].title).toBe(grantedEn.title);

    // The same event again, as a redelivery would bring it.
    await consumedPast(topic, await publish(grant));
    await publish(
      encoded(
        Events.PsbItemProgressed,
        {
          caseId,
          itemCode: 'RESIDENCE_PERMIT',
          action: 'issue',
          agency: 'psb',
          status: ItemStatus.AWAITING_SUPPLEMENT,
          requestedMaterials: ['PASSPORT'],
          reason: '护照已于2026-01-31到期。 / The passport expired on 2026-01-31.',
          // The agency's reason as the catalogue's message: each reader gets it in their language.
          reasonMessage: toWire(message('residence_permit.passport.expired', { passportExpiry: '2026-01-31' })),
        },
        caseId,
      ),
    );
    const both = await waitForInbox(applicant, 2);
    expect(both.map((n) => n.kind)).toEqual(['supplement_requested', 'granted']);
    const en = await inbox(applicant, 'en');
    expect(en[0].body).toContain('asks for more materials: Passport (data page). Reason: The passport expired on 2026-01-31. Please upload');

    const zh = await inbox(applicant, 'zh');
    expect(zh).toEqual(both);
    expect(zh.map((n) => n.title)).toEqual([expect.stringMatching(/^需补正材料：/), expect.stringMatching(/^已获批准：/)]);
    expect(zh[0].body).toContain('要求补充材料：护照（信息页）。理由：护照已于2026-01-31到期。请在门户上传材料');
    expect(zh[1].body).toContain('证件号码 WP-7');

    const mails = await eventually(async () => {
      const mine = smtp.mails.filter((m) => m.to.includes(email));
      return mine.length >= 2 && mine;
    }, { what: 'two emails to the applicant' });
    expect(mails[0].raw).toMatch(/Message-ID: <notification-delivery-\d+@work-in-weihai>/i);
    expect(mails[0].raw).toMatch(/From: Work in Weihai <no-reply@weihai\.test>/);
    // Chinese first, English beneath, and the case in both.
    const [grantMail] = mails.map((mail) => textOf(mail.raw)).filter((text) => text.includes('WP-7'));
    expect(grantMail.indexOf('证件号码 WP-7')).toBeGreaterThanOrEqual(0);
    expect(grantMail.indexOf('证件号码 WP-7')).toBeLessThan(grantMail.indexOf('Permit no. WP-7'));
    expect(grantMail).toContain(`案件编号 ${caseId} / Case ${caseId}`);
    // The SMTP server has a mail a moment before the relay commits its delivery as sent.
    const deliveries = await eventually(async () => {
      const rows: { status: string; attempts: number }[] = await portal.app.get(DataSource).query(
        `SELECT d.status, d.attempts FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.case_id = $1 ORDER BY d.id`,
        [caseId],
      );
      return rows.every((row) => row.status !== 'pending') && rows;
    }, { what: 'both deliveries recorded' });
    expect(deliveries).toEqual([
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
    ]);
    expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(2);
    expect(await inbox(applicant)).toHaveLength(2);

    // Past the inbox, the (event, recipient) key alone keeps a second write out.
    const dataSource = portal.app.get(DataSource);
    const file = await dataSource.getRepository(CaseFile).findOneByOrFail({ caseId });
    const again = await dataSource.transaction((manager) =>
      portal.app.get(NotificationWriter).write(manager, grant.eventId, file, { kind: 'granted', item: { code: 'WORK_PERMIT', action: 'issue' }, result: {} }),
    );
    expect(again).toBe(0);
    expect(await inbox(applicant)).toHaveLength(2);
  });

  it('marks a notification read for its reader only', async () => {
    const { caseId, applicant } = await submit();
    await publish(encoded(Events.ApprovalItemDecided, { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.REJECTED, reason: 'age over 60' }, caseId));
    const [rejected] = await waitForInbox(applicant, 1);
    // A reason from an agency that sends no message: shown as written.
    expect(rejected).toMatchObject({ kind: 'rejected', body: expect.stringContaining('理由：age over 60。') });
    expect((await inbox(applicant, 'en'))[0].body).toContain('Reason: age over 60.');

    expect((await call('POST', `/api/notifications/${rejected.id}/read`, { auth: applicantToken(newPerson()) })).status).toBe(404);
    const read = await call('POST', `/api/notifications/${rejected.id}/read`, { auth: applicant });
    expect(read).toEqual({ status: 200, body: { id: rejected.id, read: true } });
    expect((await call('GET', '/api/notifications', { auth: applicant })).body).toMatchObject({ notifications: [{ id: rejected.id, read: true }], unread: 0 });
  });

  it("tells the employer of its case in its own inbox and the person it filed for in theirs, and nobody else", async () => {
    const { caseId, email, employer, person, uscc } = await submit('employer');
    await publish(encoded(Events.PsbItemProgressed, { caseId, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', status: ItemStatus.TERMINATED, reason: 'work permit rejected' }, caseId));
    const [terminated] = await waitForInbox(employer, 1);
    expect(terminated).toMatchObject({ caseId, item: 'RESIDENCE_PERMIT', kind: 'terminated' });
    expect((await inbox(employer, 'zh'))[0].title).toMatch(/^已终止：/);
    await eventually(async () => smtp.mails.some((m) => m.to.includes(email)), { what: "the email to the employer's applicant" });
    // The person signs in as themselves, on whatever account, and finds the notice waiting.
    const applicant = applicantToken(person, `applicant-${randomUUID()}`);
    expect(await inbox(applicant)).toEqual([expect.objectContaining({ id: expect.any(String), caseId, kind: 'terminated' })]);
    // Another account of the same employer reads the same inbox.
    expect((await inbox(employerToken(uscc, `hr-${randomUUID()}`))).map((n) => n.caseId)).toEqual([caseId]);

    expect(await inbox(applicantToken(newPerson()))).toEqual([]);
    expect(await inbox(employerToken(newUscc()))).toEqual([]);
    expect((await call('GET', '/api/notifications?lang=fr', { auth: employer })).status).toBe(400);
    expect((await call('GET', '/api/notifications', { auth: staffToken('clerk') })).status).toBe(403);
  });

  it('reminds the holder of a permit about to expire once, with the latest reminder only', async () => {
    const { caseId, applicant } = await submit();
    const validTo = addDays(chinaDateOf(new Date()), 20);
    await publish(
      encoded(Events.PsbItemDecided, { caseId, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', decision: Decision.GRANTED, result: { permitNo: 'RP-3', validFrom: '2026-03-01', validTo, feeCny: 400 } }, caseId),
    );
    await waitForInbox(applicant, 1);

    const watch = portal.app.get(PermitReminderWatch);
    await watch.remindDue();
    await watch.remindDue();
    const notifications = await inbox(applicant, 'en');
    expect(notifications.map((n) => n.kind)).toEqual(['permit_expiring', 'granted']);
    expect(notifications[0].title).toMatch(new RegExp(`^Residence permit .* expires on ${validTo}$`));
    expect(notifications[0].body).toContain('(no. RP-3)');
    expect(notifications[0].body).toContain('in 20 days');
    expect((await inbox(applicant, 'zh'))[0].body).toContain('还有20天');
    const reminders = await portal.app.get(DataSource).query('SELECT days_before, status FROM permit_reminder WHERE case_id = $1 ORDER BY days_before', [caseId]);
    expect(reminders).toEqual([
      { days_before: 30, status: 'sent' },
      { days_before: 90, status: 'skipped' },
    ]);
  });
});
