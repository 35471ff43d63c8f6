// Six services starting together on a fresh broker each create the topics they need, most of them
// shared: whoever comes second is told "already exists" for some and must still wait until the rest
// have leaders before it subscribes (it used to stop at start with "This server does not host this
// topic-partition").
import { retentionMsOf } from '@work-permit/contracts';
import { testKafkaBrokers, uniqueName } from '@work-permit/testing';
import { ConfigResourceTypes } from 'kafkajs';
import { createKafka, provisionTopics } from '../src/kafka/kafka-client';

describe('topics provisioned by services starting together', () => {
  it('leaves every service with all its topics led, whoever created them, with the topology retention', async () => {
    const shared = Array.from({ length: 6 }, (_, index) => uniqueName(`provision.shared${index}`));
    const services = Array.from({ length: 6 }, (_, index) => [...shared, uniqueName(`provision.own${index}.dlq`)]);
    const clients = services.map((_, index) => createKafka(`provision-test-${index}`, testKafkaBrokers()));

    const created = await Promise.all(services.map((topics, index) => provisionTopics(clients[index], topics, 3, 1)));

    // None stopped; each found its own dead-letter topic missing and made it.
    services.forEach((topics, index) => expect(created[index]).toContain(topics[topics.length - 1]));
    const admin = clients[0].admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: services.flat() });
      for (const topic of metadata.topics) {
        expect(topic.partitions).toHaveLength(3);
        for (const partition of topic.partitions) expect(partition.leader).toBeGreaterThanOrEqual(0);
      }
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [shared[0], services[0][6]].map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms'] })),
      });
      const retention = Object.fromEntries(configs.resources.map((resource) => [resource.resourceName, resource.configEntries[0]?.configValue]));
      expect(retention[shared[0]]).toBe(String(retentionMsOf(shared[0])));
      expect(retention[services[0][6]]).toBe(String(90 * 24 * 3600 * 1000));
    } finally {
      await admin.disconnect();
    }
  }, 60_000);
});
