import { loadConfig, ServiceConfig } from './config/service-config';
import { PlatformModule } from './platform.module';
import type { ServiceDefinition } from './service-definition';

const service: ServiceDefinition = { name: 'example', defaultPort: 3999, consumes: [], entities: [], migrations: [] };
const configFor = (env: NodeJS.ProcessEnv) => loadConfig(ServiceConfig, env, { PORT: 3999, DATABASE_NAME: 'weihai_example' });

describe(PlatformModule.name, () => {
  it('refuses to build a production service without AUTH_JWT_SECRET', () => {
    expect(() => PlatformModule.forRoot(service, configFor({ NODE_ENV: 'production' }))).toThrow(/AUTH_JWT_SECRET/);
  });

  it('builds a production service that has a secret', () => {
    expect(PlatformModule.forRoot(service, configFor({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-real-secret-from-the-vault' })).module).toBe(PlatformModule);
  });

  it('builds a development service with the local secret', () => {
    expect(() => PlatformModule.forRoot(service, configFor({ NODE_ENV: 'development' }))).not.toThrow();
  });
});
