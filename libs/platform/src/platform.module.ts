import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@work-permit/auth';
import { DEFAULT_OUTBOX_OPTIONS, defaultConsumerOptions, MESSAGING_ENTITIES, MESSAGING_MIGRATIONS, MessagingModule } from '@work-permit/messaging';
import { createLoggerModule, MetricsModule } from '@work-permit/observability';
import { ServiceConfig } from './config/service-config';
import { QueryErrorLogger } from './database/query-error-logger';
import { databaseUrlFor, ensureDatabaseExists } from './database/service-database';
import { HealthController } from './health/health.controller';
import { installWorkdaysCalendar, workdaysCalendarProvider } from './health/workdays-calendar';
import { RateLimitModule } from './http/rate-limit';
import type { ServiceDefinition } from './service-definition';

/**
 * Everything a service stands on: logs, metrics, its own database (created and migrated at boot),
 * the bus, token verification, /health and /metrics. A service's AppModule imports this once.
 */
@Module({})
export class PlatformModule {
  static forRoot(service: ServiceDefinition, config: ServiceConfig): DynamicModule {
    const topics = [...new Set([...(service.produces ? [service.produces] : []), ...service.consumes])];
    // Before anything counts working days; loadConfig has checked the file already.
    installWorkdaysCalendar(config.WORKDAYS_CALENDAR_FILE);
    return {
      module: PlatformModule,
      global: true,
      imports: [
        createLoggerModule({ service: service.name, level: config.LOG_LEVEL }),
        MetricsModule.forRoot(service.name),
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureDatabaseExists(config.DATABASE_URL, config.DATABASE_NAME);
            return {
              type: 'postgres' as const,
              url: databaseUrlFor(config.DATABASE_URL, config.DATABASE_NAME),
              entities: [...MESSAGING_ENTITIES, ...toArray(service.entities)],
              migrations: [...MESSAGING_MIGRATIONS, ...toArray(service.migrations)],
              migrationsRun: true,
              synchronize: false,
              extra: { max: config.DATABASE_POOL_SIZE },
              logger: new QueryErrorLogger(),
              logging: ['error' as const, 'migration' as const],
            };
          },
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
          consumer:
            service.consumes.length > 0
              ? {
                  ...defaultConsumerOptions(config.KAFKA_CONSUMER_GROUP ?? service.name, service.consumes),
                  partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENCY,
                  keyConcurrency: config.KAFKA_CASE_CONCURRENCY,
                  eventsPerTransaction: config.KAFKA_EVENTS_PER_TRANSACTION,
                  sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
                }
              : undefined,
          outbox: { ...DEFAULT_OUTBOX_OPTIONS, pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS },
        }),
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
