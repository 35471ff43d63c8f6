export * from './messaging.options';
export * from './messaging.tokens';
export * from './messaging.metrics';
export * from './messaging.module';
export * from './errors';
export * from './unit-of-work';
export * from './database/transaction-ends.client';
export * from './outbox/outbox-message.entity';
export * from './outbox/outbox.relay';
export * from './inbox/inbox-entry.entity';
export * from './consumer/kafka-batch.server';
export * from './consumer/kafka-event.context';
export { relevantWhen, type RelevancePredicate } from './consumer/relevance';
export { eventPatternsOf, eventTypesHandledIn } from './consumer/handled-events';
export * from './consumer/dead-letter.publisher';
export * from './dead-letters/dead-letter-records';
export * from './dead-letters/dead-letters';
export * from './consumer/pass-through-rpc-exception.filter';
export * from './kafka/kafka-client';
export {
  describeKafkaSecurity,
  isSaslMechanism,
  type KafkaSecurity,
  kafkaSecurityFromEnv,
  kafkaSecurityOf,
  type KafkaSecuritySettings,
  KafkaSecuritySettingsError,
  kafkaSecurityProblems,
  SASL_MECHANISMS,
  type SaslMechanism,
} from './kafka/kafka-security';
export * from './history/topic-history';
export * from './kafka/kafka.health-indicator';
export { MessagingTables1764300000000 } from './migrations/1764300000000-messaging-tables';
export { DeadLettersWaiting1767000000000 } from './migrations/1767000000000-dead-letters-waiting';
export { OutboxPayloadUncompressed1767100000000 } from './migrations/1767100000000-outbox-payload-uncompressed';

import { InboxEntry } from './inbox/inbox-entry.entity';
import { MessagingTables1764300000000 } from './migrations/1764300000000-messaging-tables';
import { DeadLettersWaiting1767000000000 } from './migrations/1767000000000-dead-letters-waiting';
import { OutboxPayloadUncompressed1767100000000 } from './migrations/1767100000000-outbox-payload-uncompressed';
import { OutboxMessage } from './outbox/outbox-message.entity';

/** Add to every service's TypeORM entities and migrations. */
export const MESSAGING_ENTITIES = [OutboxMessage, InboxEntry];
export const MESSAGING_MIGRATIONS = [MessagingTables1764300000000, DeadLettersWaiting1767000000000, OutboxPayloadUncompressed1767100000000];
