import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { KafkaBatchServer, MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@work-permit/messaging';
import { Logger } from 'nestjs-pino';
import { loadConfig, ServiceConfig } from './config/service-config';
import { migrateServiceDatabase, type MigrationLog } from './database/service-database';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { corsOf } from './http/cors';
import { securityHeaders } from './http/security-headers';
import { createValidationPipe } from './http/validation.pipe';
import { defaultDatabaseName, type ServiceDefinition } from './service-definition';

/** Builds the service's application: HTTP edge (CORS, errors, validation, OpenAPI) and the bus consumer. */
export async function createServiceApp(appModule: DynamicModule, serviceName: string): Promise<INestApplication> {
  const app = await NestFactory.create(appModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(securityHeaders(app.get(ServiceConfig).browserConnectOrigins));
  // Before any route is registered, so a preflight is answered ahead of the guards (it carries no token).
  app.enableCors(corsOf(app.get(ServiceConfig).corsOrigins));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(serviceName).addBearerAuth().build());
  SwaggerModule.setup('api/docs', app, document);

  // Handlers are bound to the global filters when the microservice is connected, so this comes last;
  // ApiExceptionFilter hands consumer errors back untouched to the transport's retry/dead-letter policy.
  const server = app.get(KafkaBatchServer, { strict: false }) as KafkaBatchServer | undefined;
  if (server) app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return app;
}

/** Starts a service: database, topics and producer (init), then consumers, then HTTP on its port. */
export async function bootstrapService(appModule: DynamicModule, config: ServiceConfig, serviceName: string): Promise<INestApplication> {
  const app = await createServiceApp(appModule, serviceName);
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  return app;
}

/** The defaults a service's settings start from: its own port and its own database. */
export function serviceConfigDefaults(definition: ServiceDefinition): Record<string, string | number> {
  return { PORT: definition.defaultPort, DATABASE_NAME: defaultDatabaseName(definition.name) };
}

/**
 * The migration command (`node dist/services/<name>/src/main.js migrate`, the migration Job): the
 * service's database prepared (created, or required with DATABASE_CREATE=false) and its pending
 * migrations, messaging's included, run under the migration lock. Reads only the database settings:
 * a Job needs no tokens, keys or broker to migrate. Answers the names of the migrations that ran.
 */
export async function migrateService(definition: ServiceDefinition, env: NodeJS.ProcessEnv, log: MigrationLog = jsonLog(definition.name)): Promise<string[]> {
  const config = loadConfig(ServiceConfig, env, serviceConfigDefaults(definition));
  log('migrating', { database: config.DATABASE_NAME });
  return migrateServiceDatabase(
    { entities: [...MESSAGING_ENTITIES, ...toArray(definition.entities)], migrations: [...MESSAGING_MIGRATIONS, ...toArray(definition.migrations)] },
    config,
    log,
  );
}

/**
 * A service's whole main.ts: read and validate its settings, start it, or stop with the reason.
 * With the argument `migrate` it runs the migration command instead and exits (0 when done).
 */
export function runService<C extends ServiceConfig>(definition: ServiceDefinition, configClass: new () => C, register: (config: C) => DynamicModule, argv: readonly string[] = process.argv.slice(2)): void {
  const [command] = argv;
  if (command === 'migrate') {
    migrateService(definition, process.env).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${definition.name}: migration failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
    return;
  }
  if (command !== undefined) {
    console.error(`${definition.name}: unknown command "${command}" (none starts the service; "migrate" runs its database migrations)`);
    process.exit(2);
  }
  const start = async () => {
    const config = loadConfig(configClass, process.env, serviceConfigDefaults(definition));
    await bootstrapService(register(config), config, definition.name);
  };
  start().catch((error: unknown) => {
    console.error(`${definition.name} did not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

/** One JSON line per event, as the services' own logs are (pino's shape: level, time, service, msg). */
function jsonLog(service: string): MigrationLog {
  return (message, fields = {}) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), service, context: 'Migrations', ...fields, msg: message })}\n`);
}

function toArray<T>(list: T[] | Record<string, T>): T[] {
  return Array.isArray(list) ? list : Object.values(list);
}
