import { type DynamicModule, Module } from '@nestjs/common';
import { startServiceUnderTest, type ServiceUnderTest } from '../src/testing';
import { PlatformModule, ServiceConfig, type ServiceDefinition } from '../src';

const probeService: ServiceDefinition = { name: 'cors-probe', defaultPort: 3098, consumes: [], entities: [], migrations: [] };

@Module({})
class ProbeModule {
  static register(config: ServiceConfig): DynamicModule {
    return { module: ProbeModule, imports: [PlatformModule.forRoot(probeService, config)] };
  }
}

/** What a browser asks before a cross-origin POST with a token, a JSON body, an idempotency key and a purpose. */
function preflight(service: ServiceUnderTest<ServiceConfig>, origin: string, path = '/api/anything'): Promise<Response> {
  return fetch(`${service.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key,x-purpose' },
  });
}

describe('CORS for the web front', () => {
  let service: ServiceUnderTest<ServiceConfig>;

  beforeAll(async () => {
    service = await startServiceUnderTest(probeService, ServiceConfig, (config) => ProbeModule.register(config));
  }, 120_000);

  afterAll(() => service?.close());

  it.each(['http://127.0.0.1:3000', 'http://localhost:3000'])('answers a preflight from %s with the headers it may send, before any token is checked', async (origin) => {
    const response = await preflight(service, origin);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'x-purpose']));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('gives a preflight from another origin no CORS headers, so the browser refuses the call', async () => {
    const response = await preflight(service, 'http://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('marks the answer to an allowed origin readable, with the headers the front may read', async () => {
    const allowed = await fetch(`${service.url}/health`, { headers: { origin: 'http://127.0.0.1:3000' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    const other = await fetch(`${service.url}/health`, { headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('follows CORS_ORIGINS', async () => {
    const configured = await startServiceUnderTest(probeService, ServiceConfig, (config) => ProbeModule.register(config), { CORS_ORIGINS: 'https://work.weihai.example' });
    try {
      expect((await preflight(configured, 'https://work.weihai.example')).headers.get('access-control-allow-origin')).toBe('https://work.weihai.example');
      expect((await preflight(configured, 'http://127.0.0.1:3000')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await configured.close();
    }
  }, 120_000);
});
