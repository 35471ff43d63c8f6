// The ACL table (kafkaAclsOf, libs/contracts) on a real broker with SASL/SCRAM-SHA-512 and the standard
// authorizer (deploy/kafka/kafka.sh with KAFKA_SASL=scram, on ports of its own): each service, connected
// through this library's own client factory as its own user, writes only its own topics and its group's
// dead-letter topic, reads only what it consumes, joins only its own group; a wrong password is refused.
// The expectations come from TOPOLOGY (who produces and consumes what), not from the ACLs under test.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ALL_TOPICS, deadLetterTopicOfGroup, kafkaAclsOf, SERVICE_NAMES, type ServiceName, Topics, TOPOLOGY } from '@work-permit/contracts';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, type Kafka, Partitioners, ResourcePatternTypes } from 'kafkajs';
import { DeadLetters, DeadLetterTopicNotFoundError } from '../src/dead-letters/dead-letters';
import { createKafka, MissingTopicsError, provisionTopics } from '../src/kafka/kafka-client';
import { kafkaSecurityFromEnv } from '../src/kafka/kafka-security';

const run = promisify(execFile);
const KAFKA_SCRIPT = join(__dirname, '../../../deploy/kafka/kafka.sh');
// Below the kernel's ephemeral ports (32768–60999), so no outgoing connection of the suite can be holding them.
const PORT = 19292;
const BROKERS = [`127.0.0.1:${PORT}`];
const ADMIN_PASSWORD = randomBytes(12).toString('hex');
const PASSWORDS = Object.fromEntries(SERVICE_NAMES.map((service) => [service, randomBytes(12).toString('hex')])) as Record<ServiceName, string>;
const DEAD_LETTER_TOPICS = SERVICE_NAMES.map((service) => deadLetterTopicOfGroup(service));
const EVERY_TOPIC = [...ALL_TOPICS, ...DEAD_LETTER_TOPICS];

function saslBroker(command: 'reset' | 'start'): Promise<unknown> {
  return run('bash', [KAFKA_SCRIPT, command], {
    env: {
      ...process.env,
      KAFKA_PORT: String(PORT),
      KAFKA_CONTROLLER_PORT: String(PORT + 1),
      KAFKA_SASL: 'scram',
      KAFKA_SUPERUSER_PASSWORD: ADMIN_PASSWORD,
      KAFKA_SCRAM_USERS: SERVICE_NAMES.map((service) => `${service}=${PASSWORDS[service]}`).join(' '),
    },
    timeout: 180_000,
  });
}

/** A client as the services make theirs: the library's factory, security from the same variables. */
function clientAs(username: string, password: string, retries = 8): Kafka {
  const security = kafkaSecurityFromEnv({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password });
  return createKafka(`acl-test-${username}`, BROKERS, { retries, security });
}

/** The error codes and messages along an error's causes (kafkajs wraps the broker's code). */
function errorTrail(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { type?: string; name?: string; message?: string; cause?: unknown; originalError?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    parts.push([e.name, e.type, e.message].filter(Boolean).join(' '));
    e = (e.cause ?? e.originalError) as typeof e;
  }
  return parts.join(' <- ');
}

/** What TOPOLOGY says a service may do with a topic. */
function allowed(service: ServiceName, topic: string): { write: boolean; read: boolean } {
  const { produces, consumes } = TOPOLOGY[service];
  const ownDeadLetters = topic === deadLetterTopicOfGroup(service);
  return { write: (produces as readonly string[]).includes(topic) || ownDeadLetters, read: (consumes as readonly string[]).includes(topic) || ownDeadLetters };
}

describe('Kafka ACLs from the topology table, on a SASL/SCRAM broker with the standard authorizer', () => {
  let admin: Kafka;

  beforeAll(async () => {
    await saslBroker('reset'); // fresh credentials every run: they are written when the storage is formatted
    await saslBroker('start');
    admin = clientAs('admin', ADMIN_PASSWORD);
    const client = admin.admin();
    await client.connect();
    try {
      await client.createTopics({ waitForLeaders: true, topics: EVERY_TOPIC.map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })) });
      const acl = SERVICE_NAMES.flatMap((service) =>
        kafkaAclsOf(service).flatMap(({ resourceType, name, patternType, operations }) =>
          operations.map((operation) => ({
            resourceType: resourceType === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
            resourceName: name,
            resourcePatternType: patternType === 'prefixed' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
            principal: `User:${service}`,
            host: '*',
            operation: { Read: AclOperationTypes.READ, Write: AclOperationTypes.WRITE, Describe: AclOperationTypes.DESCRIBE, Delete: AclOperationTypes.DELETE }[operation],
            permissionType: AclPermissionTypes.ALLOW,
          })),
        ),
      );
      await client.createAcls({ acl });
      // The authorizer applies ACLs from the metadata log; wait until it holds them all.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { resources } = await client.describeAcls({
          resourceType: AclResourceTypes.ANY,
          resourcePatternType: ResourcePatternTypes.ANY,
          operation: AclOperationTypes.ANY,
          permissionType: AclPermissionTypes.ANY,
        });
        if (resources.reduce((sum, resource) => sum + resource.acls.length, 0) >= acl.length) break;
        if (Date.now() > deadline) throw new Error('the broker did not apply the ACLs within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await client.disconnect();
    }
    // One message on every topic, for the consumers to read.
    const producer = admin.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.sendBatch({ topicMessages: EVERY_TOPIC.map((topic) => ({ topic, messages: [{ key: 'seed', value: topic }] })) });
    await producer.disconnect();
  }, 180_000);

  afterAll(async () => {
    await saslBroker('reset'); // stops it and deletes its data
  }, 60_000);

  it.each(SERVICE_NAMES)('%s writes only its own topics (an agency’s documents topic among them) and its dead-letter topic', async (service) => {
    // The producer the outbox relay uses: idempotent, one request in flight.
    const producer = clientAs(service, PASSWORDS[service], 1).producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      for (const topic of EVERY_TOPIC) {
        const sent = producer.send({ topic, acks: -1, messages: [{ key: 'case-1', value: `${service} → ${topic}` }] });
        if (allowed(service, topic).write) await expect(sent).resolves.toBeDefined();
        else await expect(sent.catch((error: unknown) => Promise.reject(new Error(errorTrail(error))))).rejects.toThrow(/TOPIC_AUTHORIZATION_FAILED|Topic authorization failed/);
      }
    } finally {
      await producer.disconnect();
    }
  });

  it.each(SERVICE_NAMES)('%s reads in its own group every topic it consumes, and its dead-letter topic', async (service) => {
    const readable = EVERY_TOPIC.filter((topic) => allowed(service, topic).read);
    const consumer = clientAs(service, PASSWORDS[service]).consumer({ groupId: service, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: readable, fromBeginning: true });
      const seen = new Set<string>();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${service} read only ${[...seen].join(', ')} of ${readable.join(', ')}`)), 30_000);
        consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
        void consumer.run({
          eachMessage: async ({ topic }) => {
            seen.add(topic);
            if (seen.size === readable.length) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      expect([...seen].sort()).toEqual([...readable].sort());
    } finally {
      await consumer.disconnect();
    }
  });

  it.each(SERVICE_NAMES)('%s cannot read, even in its own group, a topic it does not consume', async (service) => {
    const forbidden = EVERY_TOPIC.filter((topic) => !allowed(service, topic).read);
    expect(forbidden.length).toBeGreaterThan(0);
    for (const topic of forbidden) {
      const consumer = clientAs(service, PASSWORDS[service], 1).consumer({ groupId: service, allowAutoTopicCreation: false, maxWaitTimeInMs: 100, retry: { retries: 0 } });
      try {
        const refused = (async () => {
          await consumer.connect();
          await consumer.subscribe({ topics: [topic], fromBeginning: true });
          await new Promise<void>((resolve, reject) => {
            consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
            consumer.run({ eachMessage: async () => resolve() }).catch(reject);
          });
        })();
        await expect(refused.catch((error: unknown) => Promise.reject(new Error(`${topic}: ${errorTrail(error)}`)))).rejects.toThrow(/TOPIC_AUTHORIZATION_FAILED|Topic authorization failed/);
      } finally {
        await consumer.disconnect();
      }
    }
  });

  it.each(SERVICE_NAMES)('%s cannot join another service’s consumer group', async (service) => {
    const other = SERVICE_NAMES.find((name) => name !== service)!;
    const kafka = clientAs(service, PASSWORDS[service], 1);
    // kafkajs reports a refused FindCoordinator as "Failed to find group coordinator" (it tries every
    // broker and drops their answers), so the broker's own answer is asked for directly as well.
    const consumer = kafka.consumer({ groupId: other, allowAutoTopicCreation: false, retry: { retries: 0 } });
    try {
      const joined = (async () => {
        await consumer.connect();
        await consumer.subscribe({ topics: [TOPOLOGY[service].consumes[0]], fromBeginning: true });
        await new Promise<void>((resolve, reject) => {
          consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
          consumer.on(consumer.events.GROUP_JOIN, () => resolve());
          consumer.run({ eachMessage: async () => undefined }).catch(reject);
        });
      })();
      await expect(joined).rejects.toThrow(/group coordinator/i);
    } finally {
      await consumer.disconnect();
    }
    await expect(findCoordinator(kafka, other)).rejects.toMatchObject({ type: 'GROUP_AUTHORIZATION_FAILED' });
    // Its own group, by contrast, is found (once the offsets topic exists: the coordinator may still be loading).
    await expect(eventually(() => findCoordinator(kafka, service))).resolves.toBeDefined();
  });

  it.each(SERVICE_NAMES)('%s lists its own group’s dead letters as its own user (the operations routes), and no other group’s', async (service) => {
    const deadLetters = new DeadLetters(clientAs(service, PASSWORDS[service], 1), { idleTimeoutMs: 2_000 });
    await expect(deadLetters.list(service)).resolves.toEqual(expect.any(Array));
    const other = SERVICE_NAMES.find((name) => name !== service)!;
    await expect(deadLetters.list(other)).rejects.toBeInstanceOf(DeadLetterTopicNotFoundError);
  });

  it.each(SERVICE_NAMES)('%s with a wrong password is refused', async (service) => {
    const client = clientAs(service, `${PASSWORDS[service]}-wrong`, 0).admin();
    await expect(client.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
    await client.disconnect();
  });

  it('with topic creation off, a service stops naming the topics that are missing or not visible to its user, and creates nothing', async () => {
    const kafka = clientAs('science-tech', PASSWORDS['science-tech']);
    const check = provisionTopics(kafka, [Topics.scitech, Topics.portal, 'nope.events', Topics.sharing], 1, 1, { create: false });
    const error = await check.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(MissingTopicsError);
    const missing = (error as MissingTopicsError).topics;
    expect(missing).toContain('nope.events');
    expect(missing).not.toEqual(expect.arrayContaining([Topics.scitech, Topics.portal, Topics.sharing]));
    const client = admin.admin();
    await client.connect();
    try {
      expect(await client.listTopics()).not.toContain('nope.events');
    } finally {
      await client.disconnect();
    }
  });

  it('a client without SASL is refused too', async () => {
    const client = createKafka('acl-test-anonymous', BROKERS, { retries: 0 }).admin();
    // The broker answers ApiVersions before authentication, and closes the connection on anything else.
    await expect(client.connect().then(() => client.listTopics())).rejects.toThrow();
    await client.disconnect();
  });
});

async function eventually<T>(attempt: () => Promise<T>, { tries = 20, delayMs = 250 } = {}): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries || (error as { type?: string }).type !== 'GROUP_COORDINATOR_NOT_AVAILABLE') throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** FindCoordinator for a group, answered by the broker itself (kafkajs' own cluster, reached past its public API). */
async function findCoordinator(kafka: Kafka, groupId: string): Promise<unknown> {
  const createCluster = Object.getOwnPropertySymbols(kafka).find((symbol) => symbol.description === 'private:Kafka:createCluster');
  if (!createCluster) throw new Error('kafkajs changed: no private createCluster');
  const cluster = (kafka as unknown as Record<symbol, (options: object) => KafkajsCluster>)[createCluster]({ allowAutoTopicCreation: false });
  await cluster.connect();
  try {
    return await cluster.brokerPool.seedBroker.findGroupCoordinator({ groupId, coordinatorType: 0 });
  } finally {
    await cluster.disconnect();
  }
}

interface KafkajsCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  brokerPool: { seedBroker: { findGroupCoordinator(request: { groupId: string; coordinatorType: number }): Promise<unknown> } };
}
