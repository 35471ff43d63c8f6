import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AuthModule } from '@work-permit/auth';
import { DEFAULT_OUTBOX_OPTIONS, DEFAULT_RETRY_POLICY, defaultConsumerOptions, MESSAGING_ENTITIES, MESSAGING_MIGRATIONS, MessagingModule } from '@work-permit/messaging';
import { createLoggerModule, MetricsModule } from '@work-permit/observability';
import { ServiceConfig } from './config/service-config';
import { QueryErrorLogger } from './database/query-error-logger';
import { DatabaseSetupError, type MigrationLog, openServiceDatabase, serviceDataSourceOptions } from './database/service-database';
import { HealthController } from './health/health.controller';
import { installWorkdaysCalendar, workdaysCalendarProvider } from './health/workdays-calendar';
import { RateLimitModule } from './http/rate-limit';
import { OperationsModule } from './operations/operations.module';
import type { ServiceDefinition } from './service-definition';

/**
 * Everything a service stands on: logs, metrics, its own database (created and migrated at boot),
 * the bus, token verification, /health and /metrics. A service's AppModule imports this once.
 */
@Module({})
export class PlatformModule {
  static forRoot(service: ServiceDefinition, config: ServiceConfig): DynamicModule {
    const topics = [...new Set([...(service.produces ?? []), ...service.consumes])];
    // Before anything counts working days; loadConfig has checked the file already.
    installWorkdaysCalendar(config.WORKDAYS_CALENDAR_FILE);
    return {
      module: PlatformModule,
      global: true,
      imports: [
        createLoggerModule({ service: service.name, level: config.LOG_LEVEL }),
        MetricsModule.forRoot(service.name),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...serviceDataSourceOptions(
              { entities: [...MESSAGING_ENTITIES, ...toArray(service.entities)], migrations: [...MESSAGING_MIGRATIONS, ...toArray(service.migrations)] },
              config,
            ),
            logger: new QueryErrorLogger(),
            logging: ['error' as const, 'migration' as const],
            // A database that is not as the settings require it is reported at once, not retried.
            toRetry: (error: unknown) => !(error instanceof DatabaseSetupError),
          }),
          // Created or required (DATABASE_CREATE), then migrated under the migration lock or checked to need nothing (DATABASE_MIGRATE_AT_BOOT).
          dataSourceFactory: (options) => openServiceDatabase(new DataSource(options as DataSourceOptions), config, databaseLog()),
        }),
        TerminusModule,
        AuthModule.forRoot(config.tokenVerification),
        RateLimitModule.forRoot(config),
        MessagingModule.forRoot({
          service: service.name,
          clientId: service.name,
          brokers: config.kafkaBrokers,
          topics,
          partitions: config.KAFKA_TOPIC_PARTITIONS,
          replicationFactor: config.KAFKA_REPLICATION_FACTOR,
          provisionTopics: config.KAFKA_PROVISION_TOPICS,
          security: config.kafkaSecurity,
          consumer:
            service.consumes.length > 0
              ? {
                  ...defaultConsumerOptions(config.KAFKA_CONSUMER_GROUP ?? service.name, service.consumes),
                  partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENCY,
                  keyConcurrency: config.KAFKA_CASE_CONCURRENCY,
                  eventsPerTransaction: config.KAFKA_EVENTS_PER_TRANSACTION,
                  offsetCommitIntervalMs: config.KAFKA_OFFSET_COMMIT_INTERVAL_MS,
                  caseLockKey: service.caseLockKey,
                  sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
                  retry: { ...DEFAULT_RETRY_POLICY, unknownErrorAttempts: config.KAFKA_UNKNOWN_ERROR_ATTEMPTS },
                }
              : undefined,
          outbox: { ...DEFAULT_OUTBOX_OPTIONS, pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS, batchMaxBytes: config.OUTBOX_BATCH_MAX_BYTES },
        }),
        // A service that consumes has a consumer group, and so dead letters an admin may resolve.
        ...(service.consumes.length > 0 ? [OperationsModule] : []),
      ],
      controllers: [HealthController],
      providers: [{ provide: ServiceConfig, useValue: config }, workdaysCalendarProvider],
      exports: [ServiceConfig],
    };
  }
}

function toArray<T>(list: T[] | Record<string, T>): T[] {
  return Array.isArray(list) ? list : Object.values(list);
}

/** Migrations at boot report through the service's logger. */
function databaseLog(): MigrationLog {
  const logger = new Logger('Database');
  return (message, fields) => logger.log(fields ? { ...fields, msg: message } : message);
}
