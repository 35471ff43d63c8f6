import { Controller, ForbiddenException, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { StatisticsQuery } from './statistics.query';
import { statsViewOf, type StatsView } from './stats-view';

/** API.md's `GET /api/stats`: for the Big Data Bureau's analysts and for admins. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/stats')
export class StatsController {
  constructor(private readonly query: StatisticsQuery) {}

  @Get()
  @Roles('analyst', 'admin')
  @ApiOperation({
    summary:
      'Cases by status and channel; per item the decision time (median, p90, hours), supplement and rejection rates with the top reasons; the overdue items; the blocking points (the steps with the longest waits).',
  })
  async stats(@CurrentPrincipal() principal: Principal): Promise<StatsView> {
    // @Agencies narrows officers only; an analyst must be the Big Data Bureau's own.
    if (principal.role === 'analyst' && principal.agency !== 'bigdata') {
      throw new ForbiddenException({ error: { code: 'forbidden', message: 'the statistics are for analysts of bigdata and admins' } });
    }
    return statsViewOf(await this.query.current());
  }
}
