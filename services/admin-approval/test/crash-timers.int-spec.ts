import { type ItemView, OverdueWatch } from '@work-permit/agency-review';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { decodeEvent, encodeEvent, Events, type ItemProgressed, Topics } from '@work-permit/contracts';
import { Clock } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminApprovalConfig } from '../src/admin-approval.config';
import { AdminApprovalService } from '../src/admin-approval.service';
import { AppModule } from '../src/app.module';

const kafka = testKafka();
const DATES = caseDates();
const DAY = 86_400_000;
const CASES = 4;
const officer = (agency: Agency) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `officer-${agency}-${randomUUID()}`, role: 'officer', agency });

/**
 * Issue 16, case 7: the work permit's timers — its due date (the overdue notice) and its statutory
 * limit (the escalation to the lead agency) — fall due while the service is down. Time moves by the
 * service's `Clock`, not by waiting: the service is stopped, the clock moved 60 days on, the service
 * started again on its own database and consumer group. Each notice goes out once after the
 * restart, and a second restart sends none again.
 */
describe('admin-approval: a timer that falls due while the service is down', () => {
  let service: ServiceUnderTest<AdminApprovalConfig> | undefined;
  let topic: string;
  let daysLater = 0;
  const now = jest.spyOn(Clock.prototype, 'now').mockImplementation(() => new Date(Date.now() + daysLater * DAY));

  /** The service on the test's topic; with `after`, started again on the stopped one's database and consumer group. */
  const start = (after?: ServiceUnderTest<AdminApprovalConfig>) =>
    startServiceUnderTest(AdminApprovalService, AdminApprovalConfig, (config) => consumingOnly(AppModule.register(config), AdminApprovalService, topic, config), {
      OVERDUE_SCAN_INTERVAL_MS: '200',
      ...(after && { DATABASE_NAME: after.config.DATABASE_NAME, KAFKA_CONSUMER_GROUP: after.config.KAFKA_CONSUMER_GROUP! }),
    });
  const restart = async () => {
    const stopped = service!;
    await stopped.app.close();
    service = undefined;
    return start(stopped);
  };
  const query = <T>(sql: string, params: unknown[] = []) => service!.app.get(DataSource).query(sql, params) as Promise<T[]>;

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'crash-timers');
    service = await start();
  }, 120_000);

  afterAll(async () => {
    now.mockRestore();
    await service?.close();
  });

  /** The overdue notices and escalations on the bureau's topic, by case. */
  async function noticesOf(caseIds: readonly string[]): Promise<Map<string, { overdue: number; escalated: number }>> {
    const wanted = new Set(caseIds);
    const messages = await collectFromTopic(kafka, Topics.approval, (m) => {
      const event = decodeEvent(m.value!);
      if (!event || !wanted.has(event.caseId) || event.type !== Events.ApprovalItemProgressed.type) return false;
      const progress = event.payload as ItemProgressed;
      return progress.overdue || progress.escalated;
    });
    const counts = new Map(caseIds.map((caseId) => [caseId, { overdue: 0, escalated: 0 }]));
    for (const message of messages) {
      const event = decodeEvent(message.value!)!;
      const progress = event.payload as ItemProgressed;
      const count = counts.get(event.caseId)!;
      if (progress.overdue) count.overdue += 1;
      if (progress.escalated) count.escalated += 1;
    }
    return counts;
  }

  it('announces each overdue work permit and escalates it once after the restart, and not again after a second one', async () => {
    const caseIds = Array.from({ length: CASES }, () => randomUUID());
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({
        topic,
        messages: caseIds.map((caseId) => {
          const items = [{ code: 'WORK_PERMIT', action: 'issue' as const }];
          const event = encodeEvent(Events.CaseSubmitted, caseSubmittedOf(exampleCaseFacts({ caseId, items, materials: exampleMaterials(items, DATES.issuedAt) })), {
            caseId,
            correlationId: caseId,
            causationId: caseId,
          });
          return { key: event.key, value: event.value };
        }),
      });
    } finally {
      await producer.disconnect();
    }
    // Every permit waits for its prerequisites with its clock running; nothing is due yet.
    await eventually(
      async () => {
        const views = await Promise.all(
          caseIds.map(async (caseId) => (await fetch(`${service!.url}/api/items/${caseId}/WORK_PERMIT`, { headers: { authorization: `Bearer ${officer('approval')}` } })).json() as Promise<ItemView>),
        );
        return views.every((view) => view.status === 'pending' && view.dueDate !== null && view.statutoryDueDate !== null);
      },
      { what: 'every work permit pending with its due dates' },
    );
    const announced = `SELECT count(*) FILTER (WHERE overdue_announced_at IS NOT NULL)::int AS overdue, count(*) FILTER (WHERE escalated_at IS NOT NULL)::int AS escalated
                       FROM review_item WHERE case_id = ANY($1) AND code = 'WORK_PERMIT'`;
    expect(await query(announced, [caseIds])).toEqual([{ overdue: 0, escalated: 0 }]);

    // Down while the due dates and the statutory limits pass.
    const [{ latest }] = await query<{ latest: string }>(`SELECT to_char(max(statutory_due_date), 'YYYY-MM-DD') AS latest FROM review_item WHERE case_id = ANY($1)`, [caseIds]);
    await service!.app.close();
    const stopped = service!;
    service = undefined;
    daysLater = 60;
    expect(new Date(Date.now() + daysLater * DAY).toISOString().slice(0, 10) > latest).toBe(true);
    service = await start(stopped);

    await eventually(async () => {
      const [counts] = await query<{ overdue: number; escalated: number }>(announced, [caseIds]);
      const [{ n: backlog }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_message');
      return counts.overdue === CASES && counts.escalated === CASES && backlog === 0;
    }, { what: 'every notice announced and published after the restart' });
    const once = Object.fromEntries(caseIds.map((caseId) => [caseId, { overdue: 1, escalated: 1 }]));
    expect(Object.fromEntries(await noticesOf(caseIds))).toEqual(once);

    // A second restart: the timer runs at once and again every 200 ms, and finds nothing left to announce.
    service = await restart();
    const watch = service.app.get(OverdueWatch);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect([await watch.announceOverdue(), await watch.escalateStatutory()]).toEqual([0, 0]);
    expect(Object.fromEntries(await noticesOf(caseIds))).toEqual(once);
  });
});
