import { deadLetterTopicOfGroup } from '@work-permit/contracts';
import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { DeadLetterHeaders, originalHeaders, type SourcePosition } from '../dead-letters/dead-letter-records';
import type { MessagingMetrics } from '../messaging.metrics';

export interface DeadLetterReason {
  code: string;
  message: string;
  consumerGroup: string;
  /** The envelope's type and id, when it decoded that far. */
  eventType?: string;
  eventId?: string;
  /** When a replayed event failed again: the dead letter it was replayed from. */
  replayOf?: string;
}

/**
 * Parks a message that the consumer group cannot handle on the group's own dead-letter topic
 * (`<group>.dlq`), its key, value and original headers untouched, with the reason in headers. Only the
 * group that failed writes there, so a service needs write access to no other service's topic.
 */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly metrics: MessagingMetrics,
  ) {}

  async publish(source: SourcePosition, message: Pick<KafkaMessage, 'key' | 'value' | 'headers'>, reason: DeadLetterReason): Promise<void> {
    const headers: IHeaders = {
      // A replayed event failing again carries its last dead letter's headers: those are replaced.
      ...(originalHeaders(message.headers) as IHeaders),
      [DeadLetterHeaders.reason]: reason.message.slice(0, 2_000),
      [DeadLetterHeaders.errorCode]: reason.code,
      [DeadLetterHeaders.sourceTopic]: source.topic,
      [DeadLetterHeaders.sourcePartition]: String(source.partition),
      [DeadLetterHeaders.sourceOffset]: source.offset,
      [DeadLetterHeaders.consumerGroup]: reason.consumerGroup,
      [DeadLetterHeaders.failedAt]: new Date().toISOString(),
      ...(reason.eventType && { [DeadLetterHeaders.eventType]: reason.eventType }),
      ...(reason.eventId && { [DeadLetterHeaders.eventId]: reason.eventId }),
      ...(reason.replayOf && { [DeadLetterHeaders.replayOf]: reason.replayOf }),
    };
    await this.producer.send({
      topic: deadLetterTopicOfGroup(reason.consumerGroup),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
    this.metrics.deadLettered.inc({ topic: source.topic, reason: reason.code });
  }
}
