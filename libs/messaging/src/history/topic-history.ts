import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { RawHeaders } from '../dead-letters/dead-letter-records';
import { createKafka } from '../kafka/kafka-client';
import type { KafkaSecurity } from '../kafka/kafka-security';

/** One message as a rebuild reads it back: where it is and its bytes. */
export interface TopicMessage {
  topic: string;
  partition: number;
  offset: bigint;
  value: Buffer;
  /** The message's key (the case id) and headers, as they are on the broker. */
  key?: Buffer | null;
  headers?: RawHeaders;
}

export interface TopicReadOptions {
  idleTimeoutMs?: number;
  /** The throw-away consumer group's name before its random part, so an operator sees who reads. */
  groupPrefix?: string;
}

/**
 * The topics' history as it stands: every message from offset 0 up to the end as it is when the read
 * starts, read whole batch by batch with a consumer group of its own (deleted afterwards), so the live
 * consumers' offsets are untouched. The bus client stays inside this library.
 */
export class TopicHistory {
  constructor(private readonly kafka: Kafka) {}

  async read(topics: readonly string[], options: TopicReadOptions = {}): Promise<TopicMessage[]> {
    const messages: TopicMessage[] = [];
    await this.visit(topics, (message) => messages.push(message), options);
    return messages;
  }

  /** Hands each message to `visit` as `read` reads them, without keeping them. */
  async visit(topics: readonly string[], visit: (message: TopicMessage) => void, { idleTimeoutMs = 30_000, groupPrefix = 'history' }: TopicReadOptions = {}): Promise<void> {
    const remaining = new Map<string, bigint>();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const topic of topics) {
        for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
          if (BigInt(high) > BigInt(low)) remaining.set(`${topic}:${partition}`, BigInt(high) - 1n);
        }
      }
      if (remaining.size === 0) return;
      const groupId = `${groupPrefix}-${randomUUID()}`;
      const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
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
              autoCommit: false,
              eachBatch: async ({ batch }) => {
                clearTimeout(idle);
                idle = setTimeout(stall, idleTimeoutMs);
                const key = `${batch.topic}:${batch.partition}`;
                const last = remaining.get(key);
                if (last === undefined) return;
                for (const message of batch.messages) {
                  const offset = BigInt(message.offset);
                  if (offset > last) break;
                  visit({ topic: batch.topic, partition: batch.partition, offset, value: message.value ?? Buffer.alloc(0), key: message.key, headers: message.headers ?? {} });
                  if (offset === last) remaining.delete(key);
                }
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
}

/** The history of the bus at `brokers`, for a command-line script outside a service (a client of its own, with the service's TLS and SASL settings). */
export function topicHistoryAt(clientId: string, brokers: string[], security?: KafkaSecurity): TopicHistory {
  return new TopicHistory(createKafka(clientId, brokers, { retries: 2, security }));
}
