import { LOCAL_DEVELOPMENT_JWT_SECRET, type Role, signToken } from '@work-permit/auth';
import { CURRENT_CATALOGUE_VERSION, localize, type Message, message, officerReason, onTheWire, toWire } from '@work-permit/catalogue';
import { Channel, Decision, encodeEvent, type EventDefinition, Events, ItemStatus } from '@work-permit/contracts';
import { chinaDateOf } from '@work-permit/platform';
import { workingDaysLeft } from '@work-permit/workdays';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import { statisticsOf } from '../src/stats/statistics';
import { StatisticsQuery } from '../src/stats/statistics.query';
import type { StatsView } from '../src/stats/stats-view';
import { statsHistoryIn } from './stats-history';

const kafka = testKafka();
const T0 = Date.UTC(2026, 2, 2, 0, 0, 0);
const hoursAfterStart = (hours: number) => new Date(T0 + hours * 3_600_000);
// An applicant's token carries the identity the identity provider verified.
const token = (role: Role, agency?: 'approval' | 'psb' | 'bigdata') =>
  signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `${role}-${randomUUID()}`, role, agency, ...(role === 'applicant' ? { passportNo: 'C01X00T47', nationality: 'DEU' } : {}) });
/** A reason as the producers send it: the catalogue's message, and its plain text (Chinese / English). */
const reasonOf = (reason: Message) => ({ reason: onTheWire(reason), reasonMessage: toWire(reason) });
const passportCopy = message('review.supplement_requested', { missing: [message('review.material_asked', { material: 'PASSPORT' })], expired: [] });
const passportExpired = message('residence_permit.passport.expired', { passportExpiry: '2026-03-01' });
/** What the statistics show for a reason: its code, its label in the language asked for (Chinese by default) and in both. */
const shown = (code: string, label: Message, count: number, lang: 'zh' | 'en' = 'zh') => ({ code, reason: localize(label)[lang], reasons: localize(label), count });
const OFFICER = message('sharing.stats.officer_reason');

describe('data-sharing statistics', () => {
  let sharing: ServiceUnderTest<DataSharingConfig>;
  let producer: Producer;
  let topic: string;
  const [online, offline, late, withdrawn] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  const send = async (definition: EventDefinition, caseId: string, hours: number, payload: object, eventId: string = randomUUID()) => {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId, eventId, occurredAt: hoursAfterStart(hours) });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
    return eventId;
  };
  const submitted = (caseId: string, hours: number, channel: Channel, codes: string[]) =>
    send(Events.CaseSubmitted, caseId, hours, {
      caseId,
      channel,
      submittedBy: { subject: 'someone', role: channel === Channel.OFFLINE ? 'clerk' : 'applicant' },
      items: codes.map((code) => ({ code, action: code === 'WORK_PERMIT' || code === 'RESIDENCE_PERMIT' ? 'issue' : 'apply' })),
      applicant: { surname: 'Muster', givenNames: 'Erika', nationality: 'DEU', passportNo: `C${caseId.slice(0, 8).toUpperCase()}`, birthDate: '1990-01-01' },
      catalogueVersion: CURRENT_CATALOGUE_VERSION,
    });
  const approval = (caseId: string, hours: number, status: ItemStatus, more: object = {}) =>
    send(Events.ApprovalItemProgressed, caseId, hours, { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', status, ...more });
  /** `reason`: a message as the producers send it now, or a plain text as events from before the catalogue carried it. */
  const decided = (definition: EventDefinition, caseId: string, itemCode: string, hours: number, decision: Decision, reason: Message | string = '', eventId?: string) =>
    send(definition, caseId, hours, { caseId, itemCode, action: 'issue', agency: definition.producer, decision, ...(typeof reason === 'string' ? { reason } : reasonOf(reason)) }, eventId);

  const stats = async (auth = token('analyst', 'bigdata'), query = '', lang?: 'zh' | 'en') => {
    const response = await fetch(`${sharing.url}/api/stats${query}`, { headers: { authorization: `Bearer ${auth}`, ...(lang ? { 'accept-language': lang } : {}) } });
    return { status: response.status, body: (await response.json()) as StatsView & { error: { code: string; message: string } } };
  };

  beforeAll(async () => {
    // A topic of the test's own carries every producer's events, so earlier runs on the shared topics
    // do not count and the numbers are exact.
    topic = await createTestTopic(kafka, 'stats');
    sharing = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config));
    producer = kafka.producer();
    await producer.connect();

    // Online: the work permit asks for a supplement, then is granted; the residence permit waits on it, then is rejected.
    await submitted(online, 0, Channel.ONLINE, ['WORK_PERMIT', 'RESIDENCE_PERMIT']);
    await approval(online, 1, ItemStatus.IN_REVIEW);
    await send(Events.PsbItemProgressed, online, 1, { caseId: online, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', status: ItemStatus.PENDING });
    await approval(online, 2, ItemStatus.AWAITING_SUPPLEMENT, { ...reasonOf(passportCopy), requestedMaterials: ['PASSPORT'] });
    await send(Events.CaseSupplemented, online, 5, { caseId: online, itemCode: 'WORK_PERMIT', materials: [] });
    await approval(online, 6, ItemStatus.IN_REVIEW);
    await decided(Events.ApprovalItemDecided, online, 'WORK_PERMIT', 10, Decision.GRANTED);
    await decided(Events.PsbItemDecided, online, 'RESIDENCE_PERMIT', 20, Decision.REJECTED, passportExpired);

    // Offline, its agency's events published before the submission: rejected after 4 hours, for the officer's own reason.
    await approval(offline, 1, ItemStatus.IN_REVIEW);
    await decided(Events.ApprovalItemDecided, offline, 'WORK_PERMIT', 4, Decision.REJECTED, officerReason('salary below the threshold'));
    await submitted(offline, 0, Channel.OFFLINE, ['WORK_PERMIT']);

    // Still in review, and announced overdue.
    await submitted(late, 0, Channel.ONLINE, ['WORK_PERMIT']);
    await approval(late, 2, ItemStatus.IN_REVIEW);
    await approval(late, 30, ItemStatus.IN_REVIEW, { overdue: true, dueDate: '2026-03-03' });
  }, 60_000);

  afterAll(async () => {
    await producer?.disconnect();
    await sharing?.close();
  });

  const settled = () =>
    eventually(
      async () => {
        const { body } = await stats();
        return body.overdue.count === 1 && body.cases.total === 3 && body.cases.byStatus.completed === 2 && body;
      },
      { what: 'the statistics to take in every event' },
    );

  it('counts the cases by status and by channel', async () => {
    const body = await settled();
    expect(body.cases).toMatchObject({ total: 3, byStatus: { in_progress: 1, completed: 2, withdrawn: 0 }, byChannel: { online: 2, offline: 1 } });
    expect(body.cases.byStatusAndChannel).toEqual(
      expect.arrayContaining([
        { status: 'completed', channel: 'online', count: 1 },
        { status: 'completed', channel: 'offline', count: 1 },
        { status: 'in_progress', channel: 'online', count: 1 },
      ]),
    );
  });

  it('gives each item its decision time, rates and top reasons, from the events’ times', async () => {
    const { items } = await settled();
    const workPermit = items.find((i) => i.item === 'WORK_PERMIT');
    expect(workPermit).toEqual({
      item: 'WORK_PERMIT',
      agency: 'approval',
      total: 3,
      open: 1,
      granted: 1,
      rejected: 1,
      terminated: 0,
      withdrawn: 0,
      // 10 h and 4 h from submission to decision.
      decisionHours: { count: 2, median: 7, p90: 9.4 },
      // Both decided on the day of submission in China (Mon 03-02): 0 working days as the law counts.
      decisionWorkingDays: { count: 2, median: 0, p90: 0, provisional: false },
      supplementRate: 0.3333,
      rejectionRate: 0.5,
      // By code, labelled in Chinese by default: the officer's own words are not shown.
      topRejectionReasons: [{ code: 'officer.reason', reason: '工作人员自述理由', reasons: { zh: '工作人员自述理由', en: "officer's own reason" }, count: 1 }],
      topTerminationReasons: [],
      topSupplementReasons: [shown('review.supplement_requested', passportCopy, 1)],
      topRequestedMaterials: [shown('PASSPORT', message('review.material_asked', { material: 'PASSPORT' }), 1)],
      everOverdue: 1,
    });
    expect(items.find((i) => i.item === 'RESIDENCE_PERMIT')).toMatchObject({
      agency: 'psb',
      rejected: 1,
      decisionHours: { count: 1, median: 20, p90: 20 },
      // Decided at 04:00 on Tue 03-03 in China: one working day.
      decisionWorkingDays: { count: 1, median: 1, p90: 1, provisional: false },
      rejectionRate: 1,
      topRejectionReasons: [shown('residence_permit.passport.expired', passportExpired, 1)],
    });
  });

  it('labels the reasons in English when the request asks for it', async () => {
    await settled();
    for (const ask of [{ query: '?lang=en' }, { query: '', lang: 'en' as const }]) {
      const { status, body } = await stats(token('analyst', 'bigdata'), ask.query, ask.lang);
      expect(status).toBe(200);
      const workPermit = body.items.find((i) => i.item === 'WORK_PERMIT');
      expect(workPermit?.topRejectionReasons).toEqual([shown('officer.reason', OFFICER, 1, 'en')]);
      expect(workPermit?.topSupplementReasons).toEqual([shown('review.supplement_requested', passportCopy, 1, 'en')]);
      expect(body.items.find((i) => i.item === 'RESIDENCE_PERMIT')?.topRejectionReasons).toEqual([shown('residence_permit.passport.expired', passportExpired, 1, 'en')]);
    }
  });

  it('lists the overdue items and the blocking points, longest wait first', async () => {
    const body = await settled();
    // Overdue by the working days since 03-03 up to today in China (stats-working-days.int-spec.ts pins the day and the figure).
    const workingDaysOverdue = -workingDaysLeft(chinaDateOf(new Date()), '2026-03-03', { beyondCalendar: 'weekdays' });
    expect(body.overdue).toEqual({
      count: 1,
      byItem: { WORK_PERMIT: 1 },
      maxWorkingDaysOverdue: workingDaysOverdue,
      items: [{ caseId: late, item: 'WORK_PERMIT', agency: 'approval', dueDate: '2026-03-03', since: hoursAfterStart(30).toISOString(), workingDaysOverdue }],
    });
    expect(body.blockingPoints.slice(0, 4)).toEqual([
      { step: 'RESIDENCE_PERMIT pending', item: 'RESIDENCE_PERMIT', state: 'pending', count: 1, medianHours: 19, p90Hours: 19, waitingNow: 0 },
      { step: 'WORK_PERMIT in_review', item: 'WORK_PERMIT', state: 'in_review', count: 3, medianHours: 3, p90Hours: 3.8, waitingNow: 1 },
      { step: 'WORK_PERMIT awaiting_supplement', item: 'WORK_PERMIT', state: 'awaiting_supplement', count: 1, medianHours: 3, p90Hours: 3, waitingNow: 0 },
      { step: 'WORK_PERMIT submitted', item: 'WORK_PERMIT', state: 'submitted', count: 3, medianHours: 1, p90Hours: 1.8, waitingNow: 0 },
    ]);
  });

  it('shows the numbers as Prometheus gauges', async () => {
    await settled();
    const metrics = await (await fetch(`${sharing.url}/metrics`)).text();
    expect(metrics).toContain('stats_cases{status="completed",channel="offline"} 1');
    expect(metrics).toContain('stats_item_decision_seconds{item="WORK_PERMIT",quantile="0.5"} 25200');
    expect(metrics).toContain('stats_overdue_items{item="WORK_PERMIT"} 1');
    expect(metrics).toContain('stats_blocking_wait_seconds{step="RESIDENCE_PERMIT pending",quantile="0.9"} 68400');
  });

  it('sums up in the database the same figures as the reference functions over the whole history', async () => {
    await settled();
    const summed = await sharing.app.get(StatisticsQuery).current();
    expect(summed.items.map((item) => item.item)).toEqual(['RESIDENCE_PERMIT', 'WORK_PERMIT']);
    expect(summed).toEqual(statisticsOf(await statsHistoryIn(sharing.app.get(DataSource)), chinaDateOf(new Date())));
  });

  it('does not count a redelivered event twice', async () => {
    const before = await settled();
    const eventId = await decided(Events.ApprovalItemDecided, late, 'WORK_PERMIT', 40, Decision.REJECTED, 'no contract');
    await eventually(async () => (await stats()).body.overdue.count === 0, { what: 'the late case to be decided' });
    const once = (await stats()).body;
    await decided(Events.ApprovalItemDecided, late, 'WORK_PERMIT', 40, Decision.REJECTED, 'no contract', eventId);
    // A marker after the redelivery on the same case (same partition): once it shows, the redelivery was handled.
    await send(Events.JointReviewOpened, late, 41, { caseId: late, reason: 'marker', agencies: [] });
    await eventually(async () => (await stats()).body.blockingPoints.some((p) => p.step === 'case joint_review'), { what: 'the marker' });
    const after = (await stats()).body;
    expect(after.cases).toEqual(once.cases);
    expect(after.items).toEqual(once.items);
    expect(once.cases.byStatus.completed).toBe(before.cases.byStatus.completed + 1);
    expect(once.items.find((i) => i.item === 'WORK_PERMIT')).toMatchObject({ rejected: 2, decisionHours: { count: 3, median: 10 } });
    // An event from before the catalogue (its reason a plain text only): counted, its words not shown.
    expect(once.items.find((i) => i.item === 'WORK_PERMIT')?.topRejectionReasons).toEqual([
      shown('officer.reason', OFFICER, 1),
      shown('text.as_written', message('sharing.stats.uncoded_reason'), 1),
    ]);
  });

  it('draws the cases per day in China: submitted by channel, completed and withdrawn', async () => {
    // Submitted at 14:00 on 3 March in China, withdrawn at 05:00 on the 4th.
    await submitted(withdrawn, 30, Channel.OFFLINE, ['WORK_PERMIT']);
    await send(Events.CaseWithdrawn, withdrawn, 45, { caseId: withdrawn, itemCodes: ['WORK_PERMIT'], reason: 'changed employer' });
    await eventually(async () => (await stats()).body.cases.byStatus.withdrawn === 1, { what: 'the withdrawal' });
    const day = (date: string, online: number, offline: number, completed: number, withdrawnCount: number) => ({ day: date, submitted: { online, offline }, completed, withdrawn: withdrawnCount });
    const { status, body } = await stats(token('analyst', 'bigdata'), '?days=4&to=2026-03-04');
    expect(status).toBe(200);
    expect(body.daily).toEqual([
      day('2026-03-01', 0, 0, 0, 0),
      // Three submissions at 08:00 China time; the offline case rejected at 12:00.
      day('2026-03-02', 2, 1, 1, 0),
      // The online case's last item decided at 04:00.
      day('2026-03-03', 0, 1, 1, 0),
      // The late case decided at midnight exactly (16:00 UTC), the fourth withdrawn at 05:00.
      day('2026-03-04', 0, 0, 1, 1),
    ]);
    expect(body.cases).toMatchObject({ total: 4, byStatus: { in_progress: 0, completed: 3, withdrawn: 1 } });
  });

  it('covers the last 30 days up to today in China unless asked otherwise, and refuses a bad window', async () => {
    const { body } = await stats();
    expect(body.daily).toHaveLength(30);
    expect(body.daily.at(-1)).toEqual({ day: chinaDateOf(new Date()), submitted: { online: 0, offline: 0 }, completed: 0, withdrawn: 0 });
    expect((await stats(token('admin'), '?days=366&to=2026-03-04')).body.daily).toHaveLength(366);
    for (const query of ['?days=0', '?days=367', '?days=two', '?to=2026-02-30', '?to=04/03/2026', '?since=2026-03-01']) {
      const refused = await stats(token('admin'), query);
      expect([query, refused.status]).toEqual([query, 400]);
    }
    expect((await stats(token('admin'), '?days=400')).body).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'days' }] } });
  });

  it('gives the same statistics when built again from offset 0 by a fresh instance', async () => {
    // A window over the test's days, so the daily series compared is not all zeros.
    const window = '?days=4&to=2026-03-04';
    const live = (await stats(token('admin'), window)).body;
    const rebuilt = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config));
    try {
      const answer = async () => (await (await fetch(`${rebuilt.url}/api/stats${window}`, { headers: { authorization: `Bearer ${token('admin')}` } })).json()) as StatsView;
      const same = await eventually(
        async () => {
          const body = await answer();
          return JSON.stringify(body) === JSON.stringify(live) && body;
        },
        { what: 'the rebuild to catch up' },
      ).catch(() => answer());
      expect(same).toEqual(live);
    } finally {
      await rebuilt.close();
    }
  }, 60_000);

  it('is for analysts of bigdata and admins only', async () => {
    expect((await stats(token('admin'))).status).toBe(200);
    expect((await stats(token('applicant'))).status).toBe(403);
    const otherAnalyst = await stats(token('analyst', 'psb'));
    expect(otherAnalyst.status).toBe(403);
    expect(otherAnalyst.body.error).toMatchObject({ code: 'forbidden', message: '统计数据仅供大数据局的统计分析人员和管理员查看', messages: { en: 'the statistics are for analysts of bigdata and admins' } });
    expect((await stats(token('analyst', 'psb'), '', 'en')).body.error.message).toBe('the statistics are for analysts of bigdata and admins');
    expect((await stats(token('officer', 'approval'))).status).toBe(403);
    const anonymous = await fetch(`${sharing.url}/api/stats`);
    expect(anonymous.status).toBe(401);
  });
});
