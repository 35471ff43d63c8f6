import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { KafkaBatchServer } from '@work-permit/messaging';
import { Logger } from 'nestjs-pino';
import type { ServiceConfig } from './config/service-config';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { createValidationPipe } from './http/validation.pipe';

/** Builds the service's application: HTTP edge (errors, validation, OpenAPI) and the bus consumer. */
export async function createServiceApp(appModule: DynamicModule, serviceName: string): Promise<INestApplication> {
  const app = await NestFactory.create(appModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
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
