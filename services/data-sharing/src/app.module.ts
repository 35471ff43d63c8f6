import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicantIds, Clock, PlatformModule } from '@work-permit/platform';
import { DataSharingConfig } from './data-sharing.config';
import { DataSharingService } from './data-sharing.service';
import { EVENT_FOLDS, type EventFold } from './events/event-fold';
import { SharingEventsConsumer } from './events/sharing-events.consumer';
import { StatisticsFold } from './stats/statistics.fold';
import { StatsModule } from './stats/stats.module';
import { AbnormalListController } from './screening/abnormal-list.controller';
import { AbnormalListRepository } from './screening/abnormal-list.repository';
import { ScreenApplicantUseCase } from './screening/screen-applicant.usecase';
import { ScreenLateListingUseCase } from './screening/screen-late-listing.usecase';
import { ApplicantRecordFold } from './record/applicant-record.fold';
import { AccessLogCheck } from './record/audit/access-log.check';
import { AccessLogHeadPublisher } from './record/audit/access-log-head.publisher';
import { AuditMetrics } from './record/audit/audit.metrics';
import { RecordReader } from './record/record-reader';
import { RecordsController } from './record/records.controller';
import { PrefillRefusalsFold } from './record/refusals/prefill-refusals.fold';

@Module({})
export class AppModule {
  static register(config: DataSharingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(DataSharingService, config), StatsModule],
      controllers: [SharingEventsConsumer, AbnormalListController, RecordsController],
      providers: [
        { provide: DataSharingConfig, useValue: config },
        Clock,
        ApplicantIds,
        ScreenApplicantUseCase,
        ScreenLateListingUseCase,
        AbnormalListRepository,
        ApplicantRecordFold,
        PrefillRefusalsFold,
        RecordReader,
        AuditMetrics,
        AccessLogHeadPublisher,
        AccessLogCheck,
        // Each fold sees every consumed event, in this order, in the event's transaction.
        { provide: EVENT_FOLDS, useFactory: (...folds: EventFold[]) => folds, inject: [ScreenApplicantUseCase, ApplicantRecordFold, PrefillRefusalsFold, StatisticsFold] },
      ],
    };
  }
}
