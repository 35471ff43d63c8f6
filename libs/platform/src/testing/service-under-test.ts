import type { DynamicModule, INestApplication } from '@nestjs/common';
import { testDatabaseServerUrl, testKafkaBrokers, uniqueName } from '@work-permit/testing';
import { createServiceApp, serviceConfigDefaults } from '../bootstrap';
import { loadConfig, type ServiceConfig } from '../config/service-config';
import { defaultDatabaseName, type ServiceDefinition } from '../service-definition';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';

export interface ServiceUnderTest<C extends ServiceConfig> {
  app: INestApplication;
  config: C;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Stops the service and drops its database. */
  close: () => Promise<void>;
}

/**
 * Boots a real service exactly as main.ts does — its own fresh database, migrations, the real
 * broker, its consumers — on a free port, with a consumer group of its own.
 */
export async function startServiceUnderTest<C extends ServiceConfig>(
  definition: ServiceDefinition,
  configClass: new () => C,
  register: (config: C) => DynamicModule,
  env: Record<string, string> = {},
): Promise<ServiceUnderTest<C>> {
  const databaseName = uniqueName(`wp_test_${defaultDatabaseName(definition.name)}`).toLowerCase();
  const config = loadConfig(
    configClass,
    {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseServerUrl(),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: uniqueName(`${definition.name}-test`),
      LOG_LEVEL: 'warn',
      ...env,
    },
    { ...serviceConfigDefaults(definition), DATABASE_NAME: databaseName },
  );
  const app = await createServiceApp(register(config), definition.name);
  await app.init();
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await dropDatabase(config.DATABASE_URL, config.DATABASE_NAME);
    },
  };
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
