import { Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { testKafkaBrokers, uniqueName } from './infrastructure';

export function testKafka(brokers = testKafkaBrokers()): Kafka {
  return new Kafka({ clientId: 'tests', brokers, logLevel: logLevel.NOTHING });
}

/** A topic of the test's own (auto-creation is off), with its dead-letter topic. */
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

/** Reads `topic` from the beginning until `count` messages arrived (or the timeout passes), then stops. */
export async function readTopic(kafka: Kafka, topic: string, { count, timeoutMs = 30_000 }: { count: number; timeoutMs?: number }): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          messages.push(message);
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/**
 * Reads `topic` from the beginning and keeps the messages `matches` accepts; resolves `settleMs`
 * after the first match (so a duplicate would be seen too), or when `timeoutMs` passes.
 */
export async function collectFromTopic(
  kafka: Kafka,
  topic: string,
  matches: (message: KafkaMessage) => boolean,
  { timeoutMs = 30_000, settleMs = 1_500 }: { timeoutMs?: number; settleMs?: number } = {},
): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `collector-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const found: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const deadline = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (!matches(message)) return;
          found.push(message);
          if (found.length === 1) {
            clearTimeout(deadline);
            setTimeout(resolve, settleMs);
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return found;
}
