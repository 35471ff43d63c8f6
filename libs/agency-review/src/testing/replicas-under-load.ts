import type { DynamicModule } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { ItemSelection } from '@work-permit/catalogue';
import { Decision, decodeEvent, encodeEvent, Events, type ItemDecided, type OutgoingEvent } from '@work-permit/contracts';
import { TopicHistory } from '@work-permit/messaging';
import { MetricsRegistry } from '@work-permit/observability';
import type { ServiceConfig, ServiceDefinition } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { type CaseDates, createTestTopic, eventually, stableGroupMembers, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { exampleCaseFacts, exampleMaterials } from './case-facts';
import { caseSubmittedOf } from './case-submitted';

export interface ReplicasUnderLoad<C extends ServiceConfig> {
  definition: ServiceDefinition;
  configClass: new () => C;
  register: (config: C) => DynamicModule;
  /** What one case brings on the bus: its submission and the other agencies' results this agency waits for. */
  eventsOf: (caseId: string) => OutgoingEvent[];
  /** The items this agency decides automatically for such a case, and where its decisions go. */
  decides: { items: readonly string[]; topic: string; eventType: string };
  cases?: number;
  bursts?: number;
}

/**
 * A case of `items` as the bus brings it to an agency that waits on the work permit: its submission
 * (the example facts with `patch`), then the work permit bureau's grant of a category A permit.
 */
export function submittedWithWorkPermitGranted(caseId: string, items: ItemSelection[], patch: Record<string, unknown>, dates: CaseDates): OutgoingEvent[] {
  const metadata = { caseId, correlationId: caseId, causationId: caseId };
  return [
    encodeEvent(Events.CaseSubmitted, caseSubmittedOf(exampleCaseFacts({ caseId, items, patch, materials: exampleMaterials(items, dates.issuedAt) })), metadata),
    encodeEvent(
      Events.ApprovalItemDecided,
      {
        caseId,
        itemCode: 'WORK_PERMIT',
        action: 'issue',
        agency: 'approval',
        decision: Decision.GRANTED,
        decidedAt: timestampFromDate(new Date()),
        result: { permitNo: `WP${caseId.slice(0, 8)}`, validFrom: dates.contractStart, validTo: dates.contractEnd, category: 'A', points: 90 },
      },
      metadata,
    ),
  ];
}

const processedBy = async (replica: ServiceUnderTest<ServiceConfig>) =>
  (await replica.app.get(MetricsRegistry).metrics())
    .split('\n')
    .filter((line) => line.startsWith('messaging_messages_consumed_total{') && line.includes('outcome="processed"'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);

/**
 * Issue 16, case 4, for one agency service: two replicas running for the whole test, as a Deployment
 * with two pods runs them — one database, one consumer group, two relays on one outbox, two document
 * workers, two timers. Cases (with the results of the other agencies they wait for, played by the
 * test) arrive in bursts on a topic of the test's own while both run; each item the agency decides is
 * decided once — one decided row, one decision event on its topic read to the end — none lost, none
 * twice; both replicas take part and both are still members of the group at the end.
 */
export function describeReplicasUnderLoad<C extends ServiceConfig>(options: ReplicasUnderLoad<C>): void {
  const { definition, configClass, register, eventsOf, decides } = options;
  const cases = options.cases ?? 120;
  const bursts = options.bursts ?? 8;
  const kafka = testKafka();

  describe(`${definition.name}: two replicas under load`, () => {
    let first: ServiceUnderTest<C> | undefined;
    let second: ServiceUnderTest<C> | undefined;
    let topic: string;

    const start = (env: Record<string, string> = {}) =>
      startServiceUnderTest(definition, configClass, (config) => consumingOnly(register(config), definition, topic, config), { KAFKA_SESSION_TIMEOUT_MS: '6000', ...env });

    beforeAll(async () => {
      topic = await createTestTopic(kafka, `crash-replicas-${definition.name}`);
      first = await start();
      // The second replica: the first's database and consumer group.
      second = await start({ DATABASE_NAME: first.config.DATABASE_NAME, KAFKA_CONSUMER_GROUP: first.config.KAFKA_CONSUMER_GROUP! });
    }, 120_000);

    afterAll(async () => {
      // The second only stops: closing the first drops the database they share.
      await second?.app.close();
      await first?.close();
    });

    const query = <T>(sql: string, params: unknown[] = []) => first!.app.get(DataSource).query(sql, params) as Promise<T[]>;

    it(`decides each item once with two replicas on one database and one consumer group (${cases} cases: ${decides.items.join(', ')})`, async () => {
      const group = first!.config.KAFKA_CONSUMER_GROUP!;
      await eventually(async () => (await stableGroupMembers(kafka, group)) === 2, { what: 'both replicas in the group', timeoutMs: 30_000 });

      const caseIds = Array.from({ length: cases }, () => randomUUID());
      const perCase = caseIds.map((caseId) => eventsOf(caseId));
      const producer = kafka.producer();
      await producer.connect();
      try {
        for (let burst = 0; burst < bursts; burst++) {
          const slice = perCase.slice((burst * cases) / bursts, ((burst + 1) * cases) / bursts);
          await producer.send({ topic, messages: slice.flat().map((event) => ({ key: event.key, value: event.value })) });
          // The next burst while this one is being decided.
          await eventually(async () => (await processedBy(first!)) + (await processedBy(second!)) > 0, { what: 'the replicas to start on the cases' });
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
      } finally {
        await producer.disconnect();
      }

      // Every item decided here and its decision sent: the shared outbox empty.
      const expected = cases * decides.items.length;
      const decidedRows = `SELECT count(*) FILTER (WHERE decided_at IS NOT NULL)::int AS decided, count(*)::int AS items
                           FROM review_item WHERE case_id = ANY($1) AND code = ANY($2)`;
      await eventually(async () => (await query<{ decided: number }>(decidedRows, [caseIds, decides.items]))[0].decided === expected, { what: `every ${decides.items.join(' and ')} decided`, timeoutMs: 60_000 }).catch(async (error: Error) => {
        const statuses = await query<{ code: string; status: string; n: number }>('SELECT code, status, count(*)::int AS n FROM review_item WHERE case_id = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2', [caseIds]);
        const [open] = await query<{ assessment: { findings?: { rule: string; passed: boolean }[]; flags?: string[] } | null; still_missing: string[] }>(
          'SELECT assessment, still_missing FROM review_item WHERE case_id = ANY($1) AND code = ANY($2) AND decided_at IS NULL LIMIT 1',
          [caseIds, decides.items],
        );
        const why = open && { failed: open.assessment?.findings?.filter((f) => !f.passed).map((f) => f.rule), flags: open.assessment?.flags, missing: open.still_missing };
        throw new Error(`${error.message}; the items are: ${statuses.map((s) => `${s.code} ${s.status} × ${s.n}`).join(', ')}; an open one: ${JSON.stringify(why)}`);
      });
      await eventually(async () => (await query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_message'))[0].n === 0, { what: 'both relays to send every decision', timeoutMs: 30_000 });
      expect(await query(decidedRows, [caseIds, decides.items])).toEqual([{ decided: expected, items: expected }]);

      // On the agency's topic, read to its end: one decision per case and item, none twice, none missing.
      const wanted = new Set<string>(caseIds);
      const decisions = new Map<string, ItemDecided[]>(caseIds.flatMap((caseId) => decides.items.map((item) => [`${caseId}|${item}`, []] as [string, ItemDecided[]])));
      await new TopicHistory(kafka).visit([decides.topic], (message) => {
        const event = decodeEvent(message.value);
        if (event?.type !== decides.eventType || !wanted.has(event.caseId)) return;
        const decided = event.payload as ItemDecided;
        decisions.get(`${event.caseId}|${decided.itemCode}`)?.push(decided);
      });
      const counts = [...decisions.values()].map((list) => list.length);
      const tally = { submitted: cases, items: expected, decided: counts.filter((n) => n >= 1).length, twice: counts.filter((n) => n > 1).length, lost: counts.filter((n) => n === 0).length };
      expect(tally).toEqual({ submitted: cases, items: expected, decided: expected, twice: 0, lost: 0 });
      expect(new Set([...decisions.values()].flat().map((d) => d.decision))).toEqual(new Set([Decision.GRANTED]));

      // Both replicas took part (the group split the partitions between them), each event applied by one of them, and both are still in the group.
      const [byFirst, bySecond] = [await processedBy(first!), await processedBy(second!)];
      const events = perCase.reduce((sum, list) => sum + list.length, 0);
      expect({ first: byFirst > 0, second: bySecond > 0, total: byFirst + bySecond }).toEqual({ first: true, second: true, total: events });
      expect(await stableGroupMembers(kafka, group)).toBe(2);
      process.stdout.write(
        `${definition.name} replicas: ${cases} cases submitted (${events} events), ${tally.decided} items decided once, ${tally.twice} twice, ${tally.lost} lost (first replica applied ${byFirst} events, second ${bySecond})\n`,
      );
    }, 90_000);
  });
}
