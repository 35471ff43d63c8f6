import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MetricsRegistry } from '@work-permit/observability';
import { type Kafka, Partitioners, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DeadLetterPublisher } from './consumer/dead-letter.publisher';
import { KafkaBatchServer } from './consumer/kafka-batch.server';
import { DeadLetters } from './dead-letters/dead-letters';
import { createKafka, provisionTopics, topicsOfService } from './kafka/kafka-client';
import { KafkaHealthIndicator } from './kafka/kafka.health-indicator';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { TopicHistory } from './history/topic-history';
import { KAFKA_CLIENT, KAFKA_PRODUCER } from './messaging.tokens';
import { OutboxRelay } from './outbox/outbox.relay';
import { UnitOfWork } from './unit-of-work';

/** Brings the bus up in order: topics, producer, relay; and down in reverse. */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    const create = this.options.provisionTopics ?? true;
    const topics = topicsOfService(this.options.topics, this.options.consumer?.groupId);
    const created = await provisionTopics(this.kafka, topics, this.options.partitions, this.options.replicationFactor, { create });
    if (created.length > 0) this.logger.log(`created topics ${created.join(', ')}`);
    await this.producer.connect();
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.producer.disconnect();
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA_CLIENT, useFactory: () => createKafka(options.clientId, options.brokers, { security: options.security }) },
        {
          provide: KAFKA_PRODUCER,
          inject: [KAFKA_CLIENT],
          useFactory: (kafka: Kafka) =>
            kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner }),
        },
        { provide: MessagingMetrics, inject: [MetricsRegistry], useFactory: (registry: MetricsRegistry) => new MessagingMetrics(registry) },
        {
          provide: OutboxRelay,
          inject: [DataSource, KAFKA_PRODUCER, MessagingMetrics],
          useFactory: (dataSource: DataSource, producer: Producer, metrics: MessagingMetrics) => {
            const relay = new OutboxRelay(dataSource, producer, metrics, options.outbox);
            metrics.readBacklog = () => relay.backlog();
            return relay;
          },
        },
        { provide: UnitOfWork, inject: [DataSource, OutboxRelay], useFactory: (dataSource: DataSource, relay: OutboxRelay) => new UnitOfWork(dataSource, relay) },
        {
          provide: DeadLetterPublisher,
          inject: [KAFKA_PRODUCER, MessagingMetrics],
          useFactory: (producer: Producer, metrics: MessagingMetrics) => new DeadLetterPublisher(producer, metrics),
        },
        {
          provide: KafkaBatchServer,
          inject: [KAFKA_CLIENT, UnitOfWork, DeadLetterPublisher, MessagingMetrics],
          useFactory: (kafka: Kafka, unitOfWork: UnitOfWork, deadLetters: DeadLetterPublisher, metrics: MessagingMetrics) => {
            if (!options.consumer) return undefined;
            const group = options.consumer.groupId;
            metrics.readDeadLettersWaiting = { group, read: () => unitOfWork.deadLettersWaiting(group) };
            return new KafkaBatchServer(kafka, options.consumer, unitOfWork, deadLetters, metrics);
          },
        },
        { provide: TopicHistory, inject: [KAFKA_CLIENT], useFactory: (kafka: Kafka) => new TopicHistory(kafka) },
        // The operator's view of this service's own group's dead letters (the platform's operations routes).
        { provide: DeadLetters, inject: [KAFKA_CLIENT], useFactory: (kafka: Kafka) => new DeadLetters(kafka) },
        MessagingLifecycle,
        KafkaHealthIndicator,
      ],
      exports: [MESSAGING_OPTIONS, KAFKA_CLIENT, UnitOfWork, OutboxRelay, KafkaBatchServer, KafkaHealthIndicator, MessagingMetrics, TopicHistory, DeadLetters],
    };
  }
}
