import { deadLetterTopicOf } from '@work-permit/contracts';
import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import type { MessagingMetrics } from '../messaging.metrics';

export interface DeadLetterReason {
  code: string;
  message: string;
  consumerGroup: string;
}

/** Header names on a dead-lettered message, next to the original headers. */
export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  errorCode: 'dlq-error-code',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/** Parks a message that cannot be handled on its topic's `.dlq`, untouched, with the reason in headers. */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly metrics: MessagingMetrics,
  ) {}

  async publish(topic: string, partition: number, message: KafkaMessage, reason: DeadLetterReason): Promise<void> {
    const headers: IHeaders = {
      ...message.headers,
      [DeadLetterHeaders.reason]: reason.message.slice(0, 2_000),
      [DeadLetterHeaders.errorCode]: reason.code,
      [DeadLetterHeaders.sourceTopic]: topic,
      [DeadLetterHeaders.sourcePartition]: String(partition),
      [DeadLetterHeaders.sourceOffset]: message.offset,
      [DeadLetterHeaders.consumerGroup]: reason.consumerGroup,
      [DeadLetterHeaders.failedAt]: new Date().toISOString(),
    };
    await this.producer.send({ topic: deadLetterTopicOf(topic), acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
    this.metrics.deadLettered.inc({ topic, reason: reason.code });
  }
}
