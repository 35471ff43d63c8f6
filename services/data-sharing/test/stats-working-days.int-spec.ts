import { LOCAL_DEVELOPMENT_JWT_SECRET, type Role, signToken } from '@work-permit/auth';
import { CURRENT_CATALOGUE_VERSION, message, onTheWire, toWire } from '@work-permit/catalogue';
import { Channel, Decision, encodeEvent, type EventDefinition, Events, ItemStatus } from '@work-permit/contracts';
import { Clock } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import type { StatsView } from '../src/stats/stats-view';

const kafka = testKafka();
/** 10:00 in China on `date`. */
const china = (date: string) => new Date(`${date}T10:00:00+08:00`);
// The service's today: Thursday 2026-03-05 in China.
const TODAY = china('2026-03-05');
const token = (role: Role, agency?: 'approval' | 'psb' | 'bigdata') => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `${role}-${randomUUID()}`, role, agency });
const passportCopy = message('review.supplement_requested', { missing: [message('review.material_asked', { material: 'PASSPORT' })], expired: [] });

/**
 * The statistics' durations in working days, as the law counts them, for decisions spanning the 2026
 * Spring Festival (02-15..02-23 off; Saturdays 02-14 and 02-28 worked) — beside the calendar hours —
 * and the overdue items measured in working days; the same figures after a rebuild from the topic.
 */
describe('data-sharing statistics in working days', () => {
  let sharing: ServiceUnderTest<DataSharingConfig>;
  let producer: Producer;
  let topic: string;
  const [paused, straight, short, overdue] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  const send = async (definition: EventDefinition, caseId: string, at: Date, payload: object) => {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId, occurredAt: at });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
  };
  const submitted = (caseId: string, day: string) =>
    send(Events.CaseSubmitted, caseId, china(day), {
      caseId,
      channel: Channel.ONLINE,
      submittedBy: { subject: 'someone', role: 'applicant' },
      items: [{ code: 'WORK_PERMIT', action: 'issue' }],
      applicant: { nationality: 'DEU', passportNo: `C${caseId.slice(0, 8).toUpperCase()}`, birthDate: '1990-01-01' },
      catalogueVersion: CURRENT_CATALOGUE_VERSION,
    });
  const progressed = (caseId: string, day: string, status: ItemStatus, more: object = {}) =>
    send(Events.ApprovalItemProgressed, caseId, china(day), { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', status, ...more });
  const decided = (caseId: string, day: string, decision: Decision) => send(Events.ApprovalItemDecided, caseId, china(day), { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision });
  const start = () => startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config));
  const statsOf = async (service: ServiceUnderTest<DataSharingConfig>, auth = token('analyst', 'bigdata')) => {
    const response = await fetch(`${service.url}/api/stats?days=40&to=2026-03-05`, { headers: { authorization: `Bearer ${auth}` } });
    return { status: response.status, body: (await response.json()) as StatsView };
  };

  beforeAll(async () => {
    jest.spyOn(Clock.prototype, 'now').mockImplementation(() => new Date(TODAY));
    topic = await createTestTopic(kafka, 'stats-working-days');
    sharing = await start();
    producer = kafka.producer();
    await producer.connect();

    // Thu 02-12 → Wed 03-04, asked for the passport on Fri 02-13 and answered on Thu 02-26; the answer's
    // event published before the request's (another producer's topic may deliver it first).
    await submitted(paused, '2026-02-12');
    await send(Events.CaseSupplemented, paused, china('2026-02-26'), { caseId: paused, itemCode: 'WORK_PERMIT', materials: [] });
    await progressed(paused, '2026-02-13', ItemStatus.AWAITING_SUPPLEMENT, { reason: onTheWire(passportCopy), reasonMessage: toWire(passportCopy), requestedMaterials: ['PASSPORT'] });
    await progressed(paused, '2026-02-26', ItemStatus.IN_REVIEW);
    await decided(paused, '2026-03-04', Decision.GRANTED);
    // Thu 02-12 → Wed 03-04 without a pause.
    await submitted(straight, '2026-02-12');
    await decided(straight, '2026-03-04', Decision.GRANTED);
    // Wed 02-11 → Tue 02-24, rejected.
    await submitted(short, '2026-02-11');
    await decided(short, '2026-02-24', Decision.REJECTED);
    // Announced overdue: its due date was Fri 02-13.
    await submitted(overdue, '2026-02-02');
    await progressed(overdue, '2026-02-14', ItemStatus.IN_REVIEW, { overdue: true, dueDate: '2026-02-13' });
  }, 60_000);

  afterAll(async () => {
    await producer?.disconnect();
    await sharing?.close();
    jest.restoreAllMocks();
  });

  const settled = () =>
    eventually(
      async () => {
        const { body } = await statsOf(sharing);
        const workPermit = body.items.find((item) => item.item === 'WORK_PERMIT');
        return workPermit?.decisionHours.count === 3 && body.overdue.count === 1 && workPermit.supplementRate > 0 && body;
      },
      { what: 'the statistics to take in every event' },
    );

  it('gives each item’s decision time in working days as the law counts them, beside the calendar hours', async () => {
    const body = await settled();
    expect(body.items.find((item) => item.item === 'WORK_PERMIT')).toMatchObject({
      // 20, 20 and 13 calendar days.
      decisionHours: { count: 3, median: 480, p90: 480 },
      // The pause-free one: 02-13, Sat 02-14, 02-24..02-27, Sat 02-28, 03-02..03-04 = 10; the paused one
      // loses 02-14 and 02-24..02-26 = 6; 02-11 → 02-24: 02-12, 02-13, 02-14, 02-24 = 4. Median 6, p90 9.2.
      decisionWorkingDays: { count: 3, median: 6, p90: 9.2, provisional: false },
    });
  });

  it('measures the overdue items in working days up to today in China', async () => {
    const body = await settled();
    // Since Fri 02-13: Sat 02-14, 02-24..02-27, Sat 02-28, 03-02..03-05 = 10 working days (25 calendar days).
    expect(body.overdue).toEqual({
      count: 1,
      byItem: { WORK_PERMIT: 1 },
      maxWorkingDaysOverdue: 10,
      items: [{ caseId: overdue, item: 'WORK_PERMIT', agency: 'approval', dueDate: '2026-02-13', since: china('2026-02-14').toISOString(), workingDaysOverdue: 10 }],
    });
  });

  it('shows the working days as Prometheus gauges', async () => {
    await settled();
    const metrics = await (await fetch(`${sharing.url}/metrics`)).text();
    expect(metrics).toContain('stats_item_decision_working_days{item="WORK_PERMIT",quantile="0.5"} 6');
    expect(metrics).toContain('stats_item_decision_working_days{item="WORK_PERMIT",quantile="0.9"} 9.2');
  });

  it('gives the same figures when rebuilt from offset 0 by a fresh instance', async () => {
    const live = (await settled()) as StatsView;
    const rebuilt = await start();
    try {
      const same = await eventually(
        async () => {
          const { body } = await statsOf(rebuilt);
          return JSON.stringify(body) === JSON.stringify(live) && body;
        },
        { what: 'the rebuild to catch up' },
      ).catch(async () => (await statsOf(rebuilt)).body);
      expect(same).toEqual(live);
    } finally {
      await rebuilt.close();
    }
  }, 60_000);

  it('is for analysts of bigdata and admins only', async () => {
    expect((await statsOf(sharing, token('admin'))).status).toBe(200);
    expect((await statsOf(sharing, token('officer', 'approval'))).status).toBe(403);
    expect((await fetch(`${sharing.url}/api/stats`)).status).toBe(401);
  });
});
