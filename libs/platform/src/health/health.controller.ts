import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@work-permit/auth';
import { KafkaHealthIndicator } from '@work-permit/messaging';
import { MetricsRegistry } from '@work-permit/observability';
import type { Response } from 'express';
import { WorkdaysCalendarHealth } from './workdays-calendar';

@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly metrics: MetricsRegistry,
    private readonly calendar: WorkdaysCalendarHealth,
  ) {}

  /**
   * Liveness: the process answers. A broker or database outage does not fail it, so an orchestrator
   * restarts a hung process, not every replica whenever Kafka blips.
   */
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the same check as `/health` (database and Kafka); an orchestrator sends no traffic to a replica that fails it. */
  @Get('health/ready')
  ready(@Res({ passthrough: true }) response: Response): Promise<unknown> {
    return this.check(response);
  }

  /** 200 when the database and Kafka both answer; 503 with the failing one otherwise. The working-day calendar is a detail that never fails the check. */
  @Get('health')
  async check(@Res({ passthrough: true }) response: Response): Promise<unknown> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 2_000 }),
        () => this.kafka.isHealthy('kafka'),
        () => this.calendar.check('workdaysCalendar'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse();
    }
  }

  @Get('metrics')
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.setHeader('Content-Type', this.metrics.contentType);
    return this.metrics.metrics();
  }
}
