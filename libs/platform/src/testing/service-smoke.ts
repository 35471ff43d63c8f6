import type { DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '../config/service-config';
import type { ServiceDefinition } from '../service-definition';
import { Client } from 'pg';
import { startServiceUnderTest } from './service-under-test';

/**
 * The checks every service passes (one call in each service's integration suite): it boots on its
 * own database with the migrations applied, reaches Kafka, and serves /health and /metrics.
 */
export function describeServiceBoot<C extends ServiceConfig>(definition: ServiceDefinition, configClass: new () => C, register: (config: C) => DynamicModule): void {
  describe(`${definition.name} boots`, () => {
    let service: Awaited<ReturnType<typeof startServiceUnderTest<C>>>;

    beforeAll(async () => {
      service = await startServiceUnderTest(definition, configClass, register);
    });

    afterAll(() => service?.close());

    it('answers /health with its database and Kafka up', async () => {
      const response = await fetch(`${service.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, kafka: { status: 'up' } } });
    });

    it('serves Prometheus metrics under their own names (the service is the label Prometheus adds from the scrape), HTTP requests timed by route', async () => {
      await fetch(`${service.url}/health/live`);
      const response = await fetch(`${service.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const metrics = await response.text();
      expect(metrics).toContain('# TYPE messaging_messages_consumed_total counter');
      expect(metrics).toContain('# TYPE process_resident_memory_bytes gauge');
      expect(metrics).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_code="200"\} [1-9]\d*$/m);
      expect(metrics).not.toMatch(new RegExp(`^(# (TYPE|HELP) )?${definition.name.replace(/-/g, '_')}_`, 'm'));
      expect(metrics).not.toContain('service="');
    });

    it('shows its working-day calendar in /health details and the metrics', async () => {
      const health = (await (await fetch(`${service.url}/health`)).json()) as { details: Record<string, Record<string, unknown>> };
      expect(health.details.workdaysCalendar).toEqual(expect.objectContaining({ status: 'up', lastCoveredYear: expect.any(Number), nextYearMissing: expect.any(Boolean) }));
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      expect(metrics).toMatch(/^workdays_calendar_next_year_missing [01]$/m);
      expect(metrics).toMatch(/^workdays_calendar_last_year \d{4}$/m);
    });

    it('has created its own database and applied the migrations', async () => {
      const url = new URL(service.config.DATABASE_URL);
      url.pathname = `/${service.config.DATABASE_NAME}`;
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT to_regclass('outbox_message') AS outbox, to_regclass('inbox_entry') AS inbox`);
        expect(rows[0]).toEqual({ outbox: 'outbox_message', inbox: 'inbox_entry' });
      } finally {
        await client.end();
      }
    });

    it('sends security headers on every answer: a strict content security policy, no sniffing, no framing', async () => {
      const response = await fetch(`${service.url}/health`);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('answers an unknown path with the API error shape, in Chinese unless asked for English', async () => {
      const response = await fetch(`${service.url}/api/no-such-thing`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: '未找到', messages: { zh: '未找到', en: 'Cannot GET /api/no-such-thing' } } });
      const inEnglish = await fetch(`${service.url}/api/no-such-thing`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
      expect(await inEnglish.json()).toMatchObject({ error: { message: 'Cannot GET /api/no-such-thing' } });
    });
  });
}
