import { Logger } from '@nestjs/common';
import { type Admin, Kafka, logLevel, type LogEntry } from 'kafkajs';
import { deadLetterTopicOfGroup, retentionMsOf } from '@work-permit/contracts';
import { type KafkaSecurity, kafkajsSecurityOf } from './kafka-security';
import { checkKafkaRequestsOnlyWhileWaiting } from './request-checks';

const IDEMPOTENT_RETRY_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

export interface KafkaClientOptions {
  /** Connection retries before an operation fails (kafkajs' retry schedule). */
  retries?: number;
  /** TLS and SASL; plaintext and anonymous when absent. */
  security?: KafkaSecurity;
}

// kafkajs is kept behind this library so it can be swapped without touching services.
export function createKafka(clientId: string, brokers: string[], { retries = 8, security }: KafkaClientOptions = {}): Kafka {
  const logger = new Logger('kafkajs');
  checkKafkaRequestsOnlyWhileWaiting();
  return new Kafka({
    clientId,
    brokers,
    ...kafkajsSecurityOf(security),
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

/**
 * The topics a service makes sure exist: its own and those it consumes and, when it consumes, its
 * consumer group's dead-letter topic (`<group>.dlq`, which only that group writes) — once each.
 */
export function topicsOfService(topics: readonly string[], consumerGroup?: string): string[] {
  return [...new Set([...topics, ...(consumerGroup ? [deadLetterTopicOfGroup(consumerGroup)] : [])])];
}

/** The service's topics are not on the broker and it may not create them (KAFKA_PROVISION_TOPICS=false). */
export class MissingTopicsError extends Error {
  override readonly name = 'MissingTopicsError';

  constructor(readonly topics: readonly string[]) {
    super(
      `topics missing on the broker (or not visible to this client's user): ${topics.join(', ')} — topic creation at start is off ` +
        '(KAFKA_PROVISION_TOPICS=false), so they must be created by operations first (or their ACLs granted)',
    );
  }
}

/**
 * Creates the missing topics (auto-creation is off on the broker), or with `create: false` only
 * checks that they exist (operations own them) and throws MissingTopicsError naming those that do
 * not, without asking the broker to create anything. Returns the topics it created.
 */
export async function provisionTopics(
  kafka: Kafka,
  topics: readonly string[],
  partitions: number,
  replicationFactor: number,
  { create = true }: { create?: boolean } = {},
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Under ACLs the broker lists only the topics this user may describe: a topic it may not use is missing too.
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length > 0 && !create) throw new MissingTopicsError(missing);
    if (missing.length > 0) {
      await admin.createTopics({
        // Not the client's own wait: it gives up on "unknown topic" while another service's creation of
        // the same topics is still under way (services starting together on a fresh broker).
        waitForLeaders: false,
        // Retention as the topology says (not the broker's 7 days): a rebuild replays the services' topics from the start.
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor, configEntries: [{ name: 'retention.ms', value: String(retentionMsOf(topic)) }] })),
      });
      // Also when another service created some of them first (the client answers "already exists").
      await waitForLeaders(admin, missing);
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/** Until every partition of the topics has a leader (a topic just created elsewhere may not have one yet). */
async function waitForLeaders(admin: Admin, topics: readonly string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      if (metadata.topics.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0))) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics without leaders after ${timeoutMs} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
