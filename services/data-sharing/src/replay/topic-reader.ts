import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';

export interface TopicMessage {
  topic: string;
  partition: number;
  offset: bigint;
  value: Buffer;
}

export interface TopicReadOptions {
  idleTimeoutMs?: number;
  /** The throw-away consumer group's name before its random part, so an operator sees who reads. */
  groupPrefix?: string;
}

/**
 * Every message of `topics` from offset 0 up to the end as it is when the read starts, with a
 * consumer group of its own (deleted afterwards), so the live service's offsets are untouched.
 */
export async function readTopicsFromStart(kafka: Kafka, topics: readonly string[], options: TopicReadOptions = {}): Promise<TopicMessage[]> {
  const messages: TopicMessage[] = [];
  await visitTopicsFromStart(kafka, topics, (message) => messages.push(message), options);
  return messages;
}

/** Hands each message of `topics` from offset 0 up to the current end to `visit`, as readTopicsFromStart reads them, without keeping them. */
export async function visitTopicsFromStart(
  kafka: Kafka,
  topics: readonly string[],
  visit: (message: TopicMessage) => void,
  { idleTimeoutMs = 30_000, groupPrefix = 'data-sharing-rebuild' }: TopicReadOptions = {},
): Promise<void> {
  const remaining = new Map<string, bigint>();
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) remaining.set(`${topic}:${partition}`, BigInt(high) - 1n);
      }
    }
    if (remaining.size === 0) return;
    const groupId = `${groupPrefix}-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        let idle = setTimeout(stall, idleTimeoutMs);
        function stall(): void {
          reject(new Error(`no message for ${idleTimeoutMs} ms with ${remaining.size} partition(s) still to read`));
        }
        consumer
          .run({
            eachMessage: async ({ topic, partition, message }) => {
              clearTimeout(idle);
              idle = setTimeout(stall, idleTimeoutMs);
              const key = `${topic}:${partition}`;
              const last = remaining.get(key);
              const offset = BigInt(message.offset);
              if (last === undefined || offset > last) return;
              visit({ topic, partition, offset, value: message.value ?? Buffer.alloc(0) });
              if (offset === last) remaining.delete(key);
              if (remaining.size === 0) {
                clearTimeout(idle);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
  } finally {
    await admin.disconnect();
  }
}
