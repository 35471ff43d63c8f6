import { Controller, Get, HttpException, type INestApplication, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { createLoggerModule } from '../logging/logger.module';
import { LATENCY_BUCKETS_SECONDS, MetricsRegistry } from './metrics.registry';
import { MetricsModule } from './metrics.module';

@Controller('api/cases')
class CasesController {
  @Get(':caseId')
  find(@Param('caseId') caseId: string): { caseId: string } {
    return { caseId };
  }

  @Post(':caseId/withdraw')
  withdraw(): never {
    throw new HttpException('boom', 500);
  }
}

// The request logger is a catch-all middleware too, mounted after the metrics' one: neither is taken for the route.
@Module({ imports: [MetricsModule.forRoot('probe'), createLoggerModule({ service: 'probe', level: 'silent' })], controllers: [CasesController] })
class ProbeModule {}

/** The samples of one metric in the exposition text, with their labels. */
function samples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  return [...text.matchAll(new RegExp(`^${name}\\{([^}]*)\\} (\\S+)$`, 'gm'))].map(([, labels, value]) => ({
    labels: Object.fromEntries([...labels.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, v]) => [key, v])),
    value: Number(value),
  }));
}

describe('HTTP request metrics', () => {
  let app: INestApplication;
  let registry: MetricsRegistry;

  beforeAll(async () => {
    app = await NestFactory.create(ProbeModule, { logger: false });
    await app.init();
    registry = app.get(MetricsRegistry);
  });

  afterAll(() => app?.close());

  it('counts and times every request by method, the matched route pattern (never the ids in the URL) and status code', async () => {
    await request(app.getHttpServer()).get('/api/cases/case-1').expect(200);
    await request(app.getHttpServer()).get('/api/cases/case-2').expect(200);
    await request(app.getHttpServer()).post('/api/cases/case-3/withdraw').expect(500);
    await request(app.getHttpServer()).get('/no/such/path/42').expect(404);

    const text = await registry.metrics();
    expect(samples(text, 'http_requests_total')).toEqual(
      expect.arrayContaining([
        { labels: { method: 'GET', route: '/api/cases/:caseId', status_code: '200' }, value: 2 },
        { labels: { method: 'POST', route: '/api/cases/:caseId/withdraw', status_code: '500' }, value: 1 },
        { labels: { method: 'GET', route: 'unmatched', status_code: '404' }, value: 1 },
      ]),
    );
    const counts = samples(text, 'http_request_duration_seconds_count');
    expect(counts).toEqual(expect.arrayContaining([{ labels: { method: 'GET', route: '/api/cases/:caseId', status_code: '200' }, value: 2 }]));
    expect(text).not.toMatch(/case-[123]|\/no\/such/);
    expect(text).not.toContain('service="');
  });

  it('is a histogram with the latency buckets, 1 ms to 10 s', async () => {
    const text = await registry.metrics();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    const les = samples(text, 'http_request_duration_seconds_bucket')
      .filter((s) => s.labels.route === '/api/cases/:caseId')
      .map((s) => s.labels.le);
    expect(les).toEqual([...LATENCY_BUCKETS_SECONDS.map(String), '+Inf']);
    const [sum] = samples(text, 'http_request_duration_seconds_sum').filter((s) => s.labels.route === '/api/cases/:caseId');
    expect(sum.value).toBeGreaterThan(0);
    expect(sum.value).toBeLessThan(10);
  });
});
