import { caseSubmittedOf, exampleCaseFacts, exampleMaterials, FIVE_ITEMS } from '@work-permit/agency-review/testing';
import { Decision, decodeEvent, encodeEvent, Events, type ItemDecided, Topics } from '@work-permit/contracts';
import { TopicHistory } from '@work-permit/messaging';
import { MetricsRegistry } from '@work-permit/observability';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { ScienceTechConfig } from '../src/science-tech.config';
import { ScienceTechService } from '../src/science-tech.service';

const kafka = testKafka();
const DATES = caseDates();
const CASES = 120;
const BURSTS = 8;

/**
 * Issue 16, case 4: two replicas of an agency service running for the whole test, as a Deployment with
 * two pods runs them: one database, one consumer group, two relays on one outbox, two timers. Cases
 * arrive in bursts while both run; the talent category (science and technology's automatic
 * classification) of each is decided once — one decision event per case on `scitech.events`, one
 * decided row per case — and none is lost.
 */
describe('science-tech: two replicas under load', () => {
  let first: ServiceUnderTest<ScienceTechConfig> | undefined;
  let second: ServiceUnderTest<ScienceTechConfig> | undefined;
  let topic: string;

  const start = (env: Record<string, string> = {}) =>
    startServiceUnderTest(ScienceTechService, ScienceTechConfig, (config) => consumingOnly(AppModule.register(config), ScienceTechService, topic, config), {
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      ...env,
    });

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'crash-replicas');
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
  const processedBy = async (replica: ServiceUnderTest<ScienceTechConfig>) =>
    (await replica.app.get(MetricsRegistry).metrics())
      .split('\n')
      .filter((line) => line.startsWith('messaging_messages_consumed_total{') && line.includes('outcome="processed"'))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);

  async function groupMembers(groupId: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([groupId]);
      return groups[0]?.state === 'Stable' ? groups[0].members.length : -1;
    } finally {
      await admin.disconnect();
    }
  }

  it('decides each case once with two replicas on one database and one consumer group', async () => {
    await eventually(async () => (await groupMembers(first!.config.KAFKA_CONSUMER_GROUP!)) === 2, { what: 'both replicas in the group', timeoutMs: 30_000 });

    const caseIds = Array.from({ length: CASES }, () => randomUUID());
    const producer = kafka.producer();
    await producer.connect();
    try {
      for (let burst = 0; burst < BURSTS; burst++) {
        const ids = caseIds.slice((burst * CASES) / BURSTS, ((burst + 1) * CASES) / BURSTS);
        await producer.send({
          topic,
          messages: ids.map((caseId) => {
            const event = encodeEvent(Events.CaseSubmitted, caseSubmittedOf(exampleCaseFacts({ caseId, items: FIVE_ITEMS, materials: exampleMaterials(FIVE_ITEMS, DATES.issuedAt) })), {
              caseId,
              correlationId: caseId,
              causationId: caseId,
            });
            return { key: event.key, value: event.value };
          }),
        });
        // The next burst while this one is being decided.
        await eventually(async () => (await processedBy(first!)) + (await processedBy(second!)) > 0, { what: 'the replicas to start on the cases' });
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    } finally {
      await producer.disconnect();
    }

    // Every case decided here and its decision sent: the shared outbox empty.
    const decidedRows = `SELECT count(*) FILTER (WHERE decided_at IS NOT NULL)::int AS decided, count(*)::int AS items
                         FROM review_item WHERE case_id = ANY($1) AND code = 'TALENT_CATEGORY'`;
    await eventually(async () => (await query<{ decided: number }>(decidedRows, [caseIds]))[0].decided === CASES, { what: 'every talent category decided', timeoutMs: 40_000 });
    await eventually(async () => (await query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_message'))[0].n === 0, { what: 'both relays to send every decision' });
    expect(await query(decidedRows, [caseIds])).toEqual([{ decided: CASES, items: CASES }]);

    // On the topic, read to its end: one decision per case, none twice, none missing.
    const wanted = new Set<string>(caseIds);
    const decisions = new Map<string, ItemDecided[]>(caseIds.map((caseId) => [caseId, []]));
    await new TopicHistory(kafka).visit([Topics.scitech], (message) => {
      const event = decodeEvent(message.value);
      if (event?.type === Events.ScitechItemDecided.type && wanted.has(event.caseId)) decisions.get(event.caseId)!.push(event.payload as ItemDecided);
    });
    const counts = [...decisions.values()].map((list) => list.length);
    expect({ decided: counts.filter((n) => n >= 1).length, twice: counts.filter((n) => n > 1).length, lost: counts.filter((n) => n === 0).length }).toEqual({ decided: CASES, twice: 0, lost: 0 });
    expect([...decisions.values()].flat().map((d) => [d.itemCode, d.decision])).toEqual(caseIds.map(() => ['TALENT_CATEGORY', Decision.GRANTED]));

    // Both replicas took part: the group split the partitions between them.
    const [byFirst, bySecond] = [await processedBy(first!), await processedBy(second!)];
    expect({ first: byFirst > 0, second: bySecond > 0, total: byFirst + bySecond }).toEqual({ first: true, second: true, total: CASES });
    process.stdout.write(`replicas: ${CASES} cases submitted, ${counts.filter((n) => n >= 1).length} decided once (first replica applied ${byFirst}, second ${bySecond})\n`);
  }, 90_000);
});
