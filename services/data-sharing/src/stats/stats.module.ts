import { Module } from '@nestjs/common';
import { Clock } from '@work-permit/platform';
import { StatisticsFold } from './statistics.fold';
import { StatisticsMetrics } from './statistics.metrics';
import { StatisticsQuery } from './statistics.query';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';

/** The statistics: the fold that keeps them, `GET /api/stats` and the `stats_*` gauges. */
@Module({
  controllers: [StatsController],
  providers: [Clock, StatisticsFold, StatsRepository, StatisticsQuery, StatisticsMetrics],
  exports: [StatisticsFold],
})
export class StatsModule {}
