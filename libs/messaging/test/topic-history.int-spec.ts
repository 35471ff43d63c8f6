import { createTestTopic, testKafka, testKafkaBrokers } from '@work-permit/testing';
import { topicHistoryAt } from '../src/history/topic-history';

const kafka = testKafka();

describe('reading a topic’s history', () => {
  it('reads every message from offset 0 to the end as it stood, in offset order per partition, and leaves no consumer group', async () => {
    const topic = await createTestTopic(kafka, 'history');
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ key: `case-${i % 4}`, value: `m${i}` })) });
    await producer.disconnect();

    const history = topicHistoryAt('history-test', testKafkaBrokers());
    const read = await history.read([topic], { groupPrefix: 'history-test' });

    expect(read.map((m) => m.value.toString()).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`).sort());
    for (const partition of new Set(read.map((m) => m.partition))) {
      const offsets = read.filter((m) => m.partition === partition).map((m) => m.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : 1)));
      expect(offsets[0]).toBe(0n);
    }
    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    expect(groups.filter((group) => group.groupId.startsWith('history-test-'))).toEqual([]);
  });

  it('reads nothing from empty topics without waiting', async () => {
    const topic = await createTestTopic(kafka, 'history-empty');
    await expect(topicHistoryAt('history-test', testKafkaBrokers()).read([topic])).resolves.toEqual([]);
  });
});
