// The broker and kafkajs alone: messages of the pipeline's mean envelope size, produced as the
// outbox relay does (idempotent producer, acks=all, batches) and consumed by a group with eachBatch,
// on a bench topic with the services' partition count. The topic and group are deleted afterwards.
import { randomBytes, randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';

const PARTITIONS = Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 6);

async function withTopic(kafka, work) {
  const topic = `bench.ceiling-${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }] });
    return await work(topic, admin);
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

function messagesOf(count, bytes) {
  const value = randomBytes(bytes);
  // Keys like case ids spread the messages over the partitions as the pipeline's do.
  const keys = Array.from({ length: 512 }, () => randomUUID());
  return Array.from({ length: count }, (_, i) => ({ key: keys[i % keys.length], value }));
}

/**
 * Produce → consume: `{ messages, seconds, perSecond }`, timed from the first send to the last
 * message consumed; plus `oneBySend`, the rate of one message per awaited send (the relay's floor
 * when a commit carries a single event).
 */
export async function kafkaCeiling(kafka, { messages, batchSize, envelopeBytes, singleSends }) {
  return withTopic(kafka, async (topic, admin) => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    const groupId = `bench-ceiling-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
    await Promise.all([producer.connect(), consumer.connect()]);
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      let consumed = 0;
      let lastConsumedAt = 0;
      let allConsumed;
      const done = new Promise((resolve) => (allConsumed = resolve));
      const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
      await consumer.run({
        partitionsConsumedConcurrently: 3,
        eachBatch: async ({ batch }) => {
          consumed += batch.messages.length;
          lastConsumedAt = performance.now();
          if (consumed >= messages) allConsumed();
        },
      });
      await joined;

      const payload = messagesOf(messages, envelopeBytes);
      const startedAt = performance.now();
      for (let at = 0; at < payload.length; at += batchSize) {
        await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: payload.slice(at, at + batchSize) }] });
      }
      const producedAt = performance.now();
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 120_000))]);
      const seconds = (lastConsumedAt - startedAt) / 1000;

      const single = messagesOf(singleSends, envelopeBytes);
      const singleStartedAt = performance.now();
      for (const message of single) await producer.send({ topic, acks: -1, messages: [message] });
      const singleSeconds = (performance.now() - singleStartedAt) / 1000;

      return {
        messages,
        consumed,
        envelopeBytes,
        batchSize,
        partitions: PARTITIONS,
        seconds: round(seconds, 2),
        perSecond: Math.round(consumed / seconds),
        producePerSecond: Math.round(messages / ((producedAt - startedAt) / 1000)),
        oneBySend: { messages: singleSends, perSecond: Math.round(singleSends / singleSeconds), meanMs: round((singleSeconds * 1000) / singleSends, 2) },
      };
    } finally {
      await Promise.all([producer.disconnect(), consumer.disconnect()]);
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
  });
}

const round = (value, digits) => Number(value.toFixed(digits));
