import { Decision, decodeEvent, encodeEvent, Events, type IncomingEvent, ItemStatus } from '@work-permit/contracts';
import { Transaction } from '@work-permit/messaging';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, testKafka } from '@work-permit/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { CaseFile } from '../src/cases/case-file.entity';
import { CaseItem } from '../src/cases/case-item.entity';
import { CaseTimelineEntry } from '../src/cases/case-timeline-entry.entity';
import { FollowAgencyUseCase } from '../src/cases/follow-agencies/follow-agency.usecase';
import { readFollowedCase } from '../src/cases/follow-agencies/followed-case';
import type { NotificationChannel } from '../src/notifications/channels/notification-channel';
import { NotificationWriter } from '../src/notifications/notification-writer';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';
import { applicantToken, bodyFor, bodyFromForm, newPerson, newUscc } from './parties';

const kafka = testKafka();

const THREE_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
  { code: 'SOCIAL_INSURANCE', action: 'apply' },
];

/** The agencies' events applied the way the consumer applies them (one transaction each), and the SQL that does it. */
describe('portal: following the agencies in few statements', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let dataSource: DataSource;
  let follow: FollowAgencyUseCase;
  let template: Record<string, unknown>;

  beforeAll(async () => {
    // Nothing arrives on the test's own topic: the events are applied here, directly.
    const topic = await createTestTopic(kafka, 'portal-follow');
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => consumingOnly(AppModule.register(config), PortalService, topic, config));
    dataSource = portal.app.get(DataSource);
    follow = portal.app.get(FollowAgencyUseCase);
    const form = await post<{ fields: { path: string; example: unknown }[] }>('/api/forms', { items: THREE_ITEMS });
    template = bodyFromForm(form.fields, THREE_ITEMS);
  });

  afterAll(async () => {
    await portal?.close();
  });

  async function post<T>(path: string, body: unknown, auth?: string): Promise<T> {
    const response = await fetch(`${portal.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify(body) });
    return (await response.json()) as T;
  }

  async function submit(): Promise<string> {
    const person = newPerson();
    const body = bodyFor(template, person, newUscc());
    (body.applicant as Record<string, unknown>).email = `${person.passportNo.toLowerCase()}@example.com`;
    const { caseId } = await post<{ caseId: string }>('/api/cases', body, applicantToken(person));
    return caseId;
  }

  function incoming(definition: (typeof Events)[keyof typeof Events], caseId: string, payload: object): IncomingEvent<never> {
    return decodeEvent(encodeEvent(definition, { caseId, ...payload } as never, { caseId, correlationId: caseId, causationId: caseId }).value)! as IncomingEvent<never>;
  }

  const inTransaction = <T>(work: (tx: Transaction) => Promise<T>) => dataSource.transaction((manager) => work(new Transaction(manager)));

  const WORK_PERMIT = { itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval' };
  const RESIDENCE_PERMIT = { itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb' };
  const SOCIAL_INSURANCE = { itemCode: 'SOCIAL_INSURANCE', action: 'apply', agency: 'hrss' };

  it('reads an item with its case, every item and the timeline in one statement, as the entities read them', async () => {
    const caseId = await submit();
    await inTransaction((tx) => follow.progressed(incoming(Events.ApprovalItemProgressed, caseId, { ...WORK_PERMIT, status: ItemStatus.AWAITING_SUPPLEMENT, dueDate: '2026-12-30', reason: 'passport', requestedMaterials: ['PASSPORT'] }), tx));
    await inTransaction((tx) => follow.progressed(incoming(Events.PsbItemProgressed, caseId, { ...RESIDENCE_PERMIT, status: ItemStatus.IN_REVIEW, dueDate: '2026-12-31', overdue: true }), tx));
    await inTransaction((tx) => follow.decided(incoming(Events.HrssItemDecided, caseId, { ...SOCIAL_INSURANCE, decision: Decision.GRANTED, result: { socialSecurityNo: 'SS-1', attributes: { office: 'Huancui' } } }), tx));

    const read = await inTransaction(async (tx) => {
      let statements = 0;
      const runner = tx.manager.queryRunner!;
      const query = runner.query.bind(runner);
      runner.query = ((...args: Parameters<typeof query>) => ((statements += 1), query(...args))) as typeof query;
      const followed = await readFollowedCase(tx.manager, caseId, 'WORK_PERMIT', { timeline: true });
      runner.query = query;
      return { followed, statements };
    });
    expect(read.statements).toBe(1);

    const file = await dataSource.getRepository(CaseFile).findOneByOrFail({ caseId });
    const items = await dataSource.getRepository(CaseItem).find({ where: { caseId } });
    const timeline = await dataSource.getRepository(CaseTimelineEntry).find({ where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
    const { updatedAt: _, ...workPermit } = items.find((item) => item.code === 'WORK_PERMIT')!;
    expect(read.followed!.item).toEqual(workPermit);
    expect(read.followed!.item).toMatchObject({ status: 'awaiting_supplement', dueDate: '2026-12-30', requestedMaterials: ['PASSPORT'], reasonMessage: expect.objectContaining({ code: 'text.as_written' }) });
    expect(read.followed!.file).toEqual({
      caseId,
      status: file.status,
      catalogueVersion: file.catalogueVersion,
      submittedAt: file.submittedAt,
      applicantId: file.applicantId,
      employerUscc: file.employerUscc,
      body: { applicant: file.body.applicant },
    });
    expect(read.followed!.items).toHaveLength(3);
    expect(read.followed!.items).toEqual(expect.arrayContaining(items.map(({ code, status }) => ({ code, status }))));
    expect(read.followed!.timeline).toEqual(timeline.map(({ at, type, item }) => ({ at, type, item })));
    expect(read.followed!.timeline!.map((entry) => entry.type)).toEqual(['submitted', 'supplement_requested', 'review_started', 'overdue', 'decided']);

    expect(await inTransaction((tx) => readFollowedCase(tx.manager, caseId, 'NO_SUCH_ITEM'))).toBeUndefined();
  });

  it('completes the case when its last two items are decided at once, in two transactions', async () => {
    const caseId = await submit();
    await inTransaction((tx) => follow.decided(incoming(Events.HrssItemDecided, caseId, { ...SOCIAL_INSURANCE, decision: Decision.GRANTED, result: { socialSecurityNo: 'SS-2' } }), tx));
    let commitFirst!: () => void;
    let firstApplied!: () => void;
    const applied = new Promise<void>((resolve) => (firstApplied = resolve));
    const first = inTransaction(async (tx) => {
      await follow.decided(incoming(Events.ApprovalItemDecided, caseId, { ...WORK_PERMIT, decision: Decision.GRANTED, result: { permitNo: 'WP-2', validTo: '2028-12-31' } }), tx);
      firstApplied();
      await new Promise<void>((resolve) => (commitFirst = resolve));
    });
    await applied;
    const second = inTransaction((tx) => follow.decided(incoming(Events.PsbItemDecided, caseId, { ...RESIDENCE_PERMIT, decision: Decision.REJECTED, reason: 'no address' }), tx));
    await new Promise((resolve) => setTimeout(resolve, 300));
    commitFirst();
    await Promise.all([first, second]);
    expect((await dataSource.getRepository(CaseFile).findOneByOrFail({ caseId })).status).toBe('completed');
  });

  it('writes only what changed, and completes the case with the decision of its last item', async () => {
    const caseId = await submit();
    const itemRow = async (code: string) => (await dataSource.query(`SELECT status, due_date::text AS due_date, updated_at FROM case_item WHERE case_id = $1 AND code = $2`, [caseId, code]))[0];
    const caseStatus = async () => (await dataSource.getRepository(CaseFile).findOneByOrFail({ caseId })).status;

    await inTransaction((tx) => follow.progressed(incoming(Events.ApprovalItemProgressed, caseId, { ...WORK_PERMIT, status: ItemStatus.IN_REVIEW, dueDate: '2026-12-30' }), tx));
    const before = await itemRow('WORK_PERMIT');
    expect(before).toMatchObject({ status: 'in_review', due_date: '2026-12-30' });
    // The same progress again changes nothing: no column, no timeline entry.
    await inTransaction((tx) => follow.progressed(incoming(Events.ApprovalItemProgressed, caseId, { ...WORK_PERMIT, status: ItemStatus.IN_REVIEW, dueDate: '2026-12-30' }), tx));
    expect(await itemRow('WORK_PERMIT')).toEqual(before);

    for (const [definition, item] of [
      [Events.ApprovalItemDecided, WORK_PERMIT],
      [Events.PsbItemDecided, RESIDENCE_PERMIT],
    ] as const) {
      await inTransaction((tx) => follow.decided(incoming(definition, caseId, { ...item, decision: Decision.REJECTED, reason: 'no' }), tx));
      expect(await caseStatus()).toBe('in_progress');
    }
    await inTransaction((tx) => follow.decided(incoming(Events.HrssItemDecided, caseId, { ...SOCIAL_INSURANCE, decision: Decision.GRANTED }), tx));
    expect(await caseStatus()).toBe('completed');
    const timeline = await dataSource.getRepository(CaseTimelineEntry).find({ where: { caseId }, order: { id: 'ASC' } });
    expect(timeline.map(({ type, agency, item }) => [type, agency, item])).toEqual([
      ['submitted', null, null],
      ['review_started', 'approval', 'WORK_PERMIT'],
      ['decided', 'approval', 'WORK_PERMIT'],
      ['decided', 'psb', 'RESIDENCE_PERMIT'],
      ['decided', 'hrss', 'SOCIAL_INSURANCE'],
    ]);
  });

  it("writes a notice's rows once per source, each delivery beside its own recipient's notice", async () => {
    const caseId = await submit();
    const email: NotificationChannel = { name: 'email', addressFor: (recipient) => recipient.email, send: async () => undefined };
    const writer = new NotificationWriter([email]);
    const file = await dataSource.getRepository(CaseFile).findOneByOrFail({ caseId });
    const notice = { kind: 'rejected' as const, item: { code: 'WORK_PERMIT', action: 'issue' }, reason: null };
    expect(await dataSource.transaction((manager) => writer.write(manager, `source-${caseId}`, file, notice))).toBe(2);
    expect(await dataSource.transaction((manager) => writer.write(manager, `source-${caseId}`, file, notice))).toBe(0);
    const rows = await dataSource.query(
      `SELECT n.recipient_role, d.channel, d.address, d.status FROM notification n LEFT JOIN notification_delivery d ON d.notification_id = n.id WHERE n.case_id = $1 ORDER BY n.recipient_role`,
      [caseId],
    );
    expect(rows).toEqual([
      { recipient_role: 'applicant', channel: 'email', address: (file.body.applicant as { email: string }).email, status: 'pending' },
      { recipient_role: 'employer', channel: null, address: null, status: null },
    ]);
  });

  it("replaces a holder's pending reminders of an older permit with the new permit's", async () => {
    const older = await submit();
    const newer = await submit();
    const applicantId = (await dataSource.getRepository(CaseFile).findOneByOrFail({ caseId: older })).applicantId;
    // The second case is the same person's extension.
    await dataSource.query(`UPDATE case_file SET applicant_id = $1 WHERE case_id = $2`, [applicantId, newer]);
    const grant = (caseId: string, validTo: string) =>
      inTransaction((tx) => follow.decided(incoming(Events.ApprovalItemDecided, caseId, { ...WORK_PERMIT, decision: Decision.GRANTED, result: { permitNo: `WP-${validTo}`, validFrom: '2026-03-01', validTo } }), tx));
    await grant(older, '2027-02-28');
    await grant(newer, '2029-02-28');
    const reminders = await dataSource.query(
      `SELECT case_id = $2 AS newer, days_before, permit_no, valid_to::text AS valid_to, status FROM permit_reminder WHERE applicant_id = $1 ORDER BY valid_to, days_before`,
      [applicantId, newer],
    );
    expect(reminders).toEqual([
      { newer: false, days_before: 30, permit_no: 'WP-2027-02-28', valid_to: '2027-02-28', status: 'skipped' },
      { newer: false, days_before: 90, permit_no: 'WP-2027-02-28', valid_to: '2027-02-28', status: 'skipped' },
      { newer: true, days_before: 30, permit_no: 'WP-2029-02-28', valid_to: '2029-02-28', status: 'pending' },
      { newer: true, days_before: 90, permit_no: 'WP-2029-02-28', valid_to: '2029-02-28', status: 'pending' },
    ]);
  });
});
