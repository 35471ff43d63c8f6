import { loadConfig, ServiceConfig } from './config/service-config';
import { PlatformModule } from './platform.module';
import type { ServiceDefinition } from './service-definition';

const service: ServiceDefinition = { name: 'example', defaultPort: 3999, consumes: [], entities: [], migrations: [] };
const configFor = (env: NodeJS.ProcessEnv) => loadConfig(ServiceConfig, env, { PORT: 3999, DATABASE_NAME: 'weihai_example' });
const PRODUCTION_AUTH = { AUTH_JWT_SECRET: 'a-real-secret-from-the-vault-0123456789', AUTH_ISSUER: 'https://idp.shandong.example', AUTH_AUDIENCE: 'work-in-weihai' };

describe(PlatformModule.name, () => {
  it('refuses to build a production service without AUTH_JWT_SECRET or AUTH_JWKS_URL', () => {
    expect(() => PlatformModule.forRoot(service, configFor({ NODE_ENV: 'production' }))).toThrow(/AUTH_JWT_SECRET/);
  });

  it('treats an unset NODE_ENV as production: no local secret, issuer or audience is trusted', () => {
    expect(configFor({}).isProduction).toBe(true);
    expect(() => PlatformModule.forRoot(service, configFor({}))).toThrow(/AUTH_JWKS_URL.*AUTH_ISSUER.*AUTH_AUDIENCE/);
  });

  it('builds a production service that has a secret, an issuer and an audience', () => {
    expect(PlatformModule.forRoot(service, configFor({ NODE_ENV: 'production', ...PRODUCTION_AUTH })).module).toBe(PlatformModule);
  });

  it('builds a production service that verifies by the identity provider\'s JWKS alone', () => {
    const { AUTH_JWT_SECRET: _secret, ...provider } = PRODUCTION_AUTH;
    expect(PlatformModule.forRoot(service, configFor({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.shandong.example/jwks.json', ...provider })).module).toBe(PlatformModule);
  });

  it('builds a development service with the local secret', () => {
    expect(() => PlatformModule.forRoot(service, configFor({ NODE_ENV: 'development' }))).not.toThrow();
  });
});
