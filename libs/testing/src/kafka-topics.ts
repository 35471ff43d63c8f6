import { Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { testKafkaBrokers, uniqueName } from './infrastructure';

export function testKafka(brokers = testKafkaBrokers()): Kafka {
  return new Kafka({ clientId: 'tests', brokers, logLevel: logLevel.NOTHING });
}

/**
 * A topic of the test's own (auto-creation is off), and the per-topic `<topic>.dlq` that dead letters
 * used to go to, so tests can show nothing lands there any more (they go to the group's `<group>.dlq`).
 */
export async function createTestTopic(kafka: Kafka, prefix: string, partitions = 3): Promise<string> {
  const topic = uniqueName(`test.${prefix}`);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [topic, `${topic}.dlq`].map((t) => ({ topic: t, numPartitions: partitions })) });
  } finally {
    await admin.disconnect();
  }
  return topic;
}

/** The consumer group's members, or -1 while it rebalances (not yet Stable). */
export async function stableGroupMembers(kafka: Kafka, groupId: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0]?.state === 'Stable' ? groups[0].members.length : -1;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads `topic` from the beginning with a consumer group of its own, handing each message to
 * `onMessage` with a `finish` callback; stops when `finish` is called or `timeoutMs` passes.
 */
async function readFromBeginning(kafka: Kafka, topic: string, timeoutMs: number, onMessage: (message: KafkaMessage, finish: () => void) => void): Promise<void> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const deadline = setTimeout(resolve, timeoutMs);
      const finish = () => {
        clearTimeout(deadline);
        resolve();
      };
      void consumer.run({ eachMessage: async ({ message }) => onMessage(message, finish) });
    });
  } finally {
    await consumer.disconnect();
  }
}

/** Reads `topic` from the beginning until `count` messages arrived (or the timeout passes), then stops. */
export async function readTopic(kafka: Kafka, topic: string, { count, timeoutMs = 30_000 }: { count: number; timeoutMs?: number }): Promise<KafkaMessage[]> {
  const messages: KafkaMessage[] = [];
  await readFromBeginning(kafka, topic, timeoutMs, (message, finish) => {
    messages.push(message);
    if (messages.length >= count) finish();
  });
  return messages;
}

/**
 * Reads `topic` from the beginning and keeps the messages `matches` accepts; stops `settleMs` after
 * the first match (so a duplicate would be seen too), or when `timeoutMs` passes.
 */
export async function collectFromTopic(
  kafka: Kafka,
  topic: string,
  matches: (message: KafkaMessage) => boolean,
  { timeoutMs = 30_000, settleMs = 1_500 }: { timeoutMs?: number; settleMs?: number } = {},
): Promise<KafkaMessage[]> {
  const found: KafkaMessage[] = [];
  await readFromBeginning(kafka, topic, timeoutMs, (message, finish) => {
    if (!matches(message)) return;
    found.push(message);
    if (found.length === 1) setTimeout(finish, settleMs);
  });
  return found;
}
