import { type DynamicModule, Module } from '@nestjs/common';
import { eventually, SecondBroker } from '@work-permit/testing';
import { startServiceUnderTest, type ServiceUnderTest } from '../src/testing';
import { PlatformModule, ServiceConfig, type ServiceDefinition } from '../src';

const probeService: ServiceDefinition = { name: 'health-probe', defaultPort: 3099, consumes: [], entities: [], migrations: [] };

@Module({})
class ProbeModule {
  static register(config: ServiceConfig): DynamicModule {
    return { module: ProbeModule, imports: [PlatformModule.forRoot(probeService, config)] };
  }
}

async function health(service: ServiceUnderTest<ServiceConfig>, path = '/health'): Promise<{ status: number; body: { status: string; error?: Record<string, unknown> } }> {
  const response = await fetch(`${service.url}${path}`);
  return { status: response.status, body: (await response.json()) as { status: string; error?: Record<string, unknown> } };
}

describe('/health follows the broker', () => {
  // A broker of this test's own, so stopping it disturbs no other test.
  const broker = new SecondBroker();
  let service: ServiceUnderTest<ServiceConfig>;

  beforeAll(async () => {
    await broker.start();
    service = await startServiceUnderTest(probeService, ServiceConfig, (config) => ProbeModule.register(config), { KAFKA_BROKERS: broker.brokers.join(',') });
  }, 180_000);

  afterAll(async () => {
    await service?.close();
    await broker.reset();
  }, 60_000);

  it('is 200 while the broker runs, 503 naming Kafka when it stops, and 200 again when it is back; liveness stays 200 throughout', async () => {
    expect(await health(service)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await health(service, '/health/ready')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await health(service, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });

    await broker.stop();
    const down = await eventually(async () => {
      const result = await health(service);
      return result.status === 503 && result;
    }, { what: '/health to report the stopped broker', timeoutMs: 20_000 });
    expect(down.body.status).toBe('error');
    expect(Object.keys(down.body.error ?? {})).toEqual(['kafka']);
    // Not ready while the broker is away, but alive: no orchestrator should restart the process for it.
    expect(await health(service, '/health/ready')).toMatchObject({ status: 503, body: { status: 'error' } });
    expect(await health(service, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });

    await broker.start();
    await eventually(async () => (await health(service)).status === 200, { what: '/health to recover', timeoutMs: 60_000 });
  }, 180_000);
});
