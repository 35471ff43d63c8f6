import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { message } from '@work-permit/catalogue';
import { Clock, Language, type RequestLanguage } from '@work-permit/platform';
import { forbidden } from '../http/refusal';
import { dayWindow } from './daily-series';
import { StatisticsQuery } from './statistics.query';
import { StatsQueryDto } from './stats.dto';
import { statsViewOf, type StatsView } from './stats-view';

/** API.md's `GET /api/stats`: for the Big Data Bureau's analysts and for admins. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/stats')
export class StatsController {
  constructor(
    private readonly query: StatisticsQuery,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('analyst', 'admin')
  @ApiOperation({
    summary:
      'Cases by status and channel; per item the decision time (median, p90, hours), supplement and rejection rates with the top reasons (by catalogue code, labelled in the language of the request: `?lang=` or Accept-Language, Chinese by default); the overdue items; the blocking points (the steps with the longest waits); and a daily series (China dates) of cases submitted by channel, completed and withdrawn over the last `days` days up to `to`.',
  })
  async stats(@CurrentPrincipal() principal: Principal, @Query() query: StatsQueryDto, @Language() lang: RequestLanguage): Promise<StatsView> {
    // @Agencies narrows officers only; an analyst must be the Big Data Bureau's own.
    if (principal.role === 'analyst' && principal.agency !== 'bigdata') {
      throw forbidden(message('refusal.statistics_readers_only'));
    }
    const { statistics, daily } = await this.query.withDailySeries(dayWindow(query.to ?? this.clock.today(), query.days));
    return statsViewOf(statistics, daily, lang);
  }
}
