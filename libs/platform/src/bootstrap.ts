import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { KafkaBatchServer } from '@work-permit/messaging';
import { Logger } from 'nestjs-pino';
import { loadConfig, ServiceConfig } from './config/service-config';
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

/** A service's whole main.ts: read and validate its settings, start it, or stop with the reason. */
export function runService<C extends ServiceConfig>(definition: ServiceDefinition, configClass: new () => C, register: (config: C) => DynamicModule): void {
  const start = async () => {
    const config = loadConfig(configClass, process.env, serviceConfigDefaults(definition));
    await bootstrapService(register(config), config, definition.name);
  };
  start().catch((error: unknown) => {
    console.error(`${definition.name} did not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
