import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { deadLetterTopicOf } from '@work-permit/contracts';

const IDEMPOTENT_RETRY_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

// kafkajs is kept behind this library so it can be swapped without touching services.
export function createKafka(clientId: string, brokers: string[], { retries = 8 } = {}): Kafka {
  const logger = new Logger('kafkajs');
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, retries },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        // Deliberate: the relay bounds the producer's retries and retries the batch itself, so a
        // broker outage cannot wedge it; duplicates that this allows are absorbed by the inboxes.
        if (message === IDEMPOTENT_RETRY_WARNING) return;
        const line = `${message} ${JSON.stringify(extra)}`;
        if (level === logLevel.ERROR) logger.error(line);
        else if (level === logLevel.WARN) logger.warn(line);
        else logger.debug(line);
      },
  });
}

/** Every topic with its dead-letter topic, once. */
export function withDeadLetterTopics(topics: readonly string[]): string[] {
  const all = new Set<string>();
  for (const topic of topics) {
    all.add(topic);
    if (!topic.endsWith('.dlq')) all.add(deadLetterTopicOf(topic));
  }
  return [...all];
}

/** Creates the missing topics (auto-creation is off on the broker). Returns the topics it created. */
export async function provisionTopics(kafka: Kafka, topics: readonly string[], partitions: number, replicationFactor: number): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = withDeadLetterTopics(topics).filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
