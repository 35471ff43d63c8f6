import { type DynamicModule, Module } from '@nestjs/common';
import { Clock, PlatformModule } from '@work-permit/platform';
import type { DataSharingConfig } from './data-sharing.config';
import { DataSharingService } from './data-sharing.service';
import { EVENT_FOLDS, type EventFold } from './events/event-fold';
import { SharingEventsConsumer } from './events/sharing-events.consumer';
import { StatisticsFold } from './stats/statistics.fold';
import { StatsModule } from './stats/stats.module';
import { AbnormalListController } from './screening/abnormal-list.controller';
import { ScreenApplicantUseCase } from './screening/screen-applicant.usecase';
import { ApplicantRecordFold } from './record/applicant-record.fold';
import { RecordReader } from './record/record-reader';
import { RecordScopes } from './record/record-scopes';
import { RecordsController } from './record/records.controller';

@Module({})
export class AppModule {
  static register(config: DataSharingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(DataSharingService, config), StatsModule],
      controllers: [SharingEventsConsumer, AbnormalListController, RecordsController],
      providers: [
        Clock,
        ScreenApplicantUseCase,
        ApplicantRecordFold,
        RecordReader,
        { provide: RecordScopes, useValue: RecordScopes.fromJson(config.RECORD_SCOPES) },
        // Each fold sees every consumed event, in this order, in the event's transaction.
        { provide: EVENT_FOLDS, useFactory: (...folds: EventFold[]) => folds, inject: [ScreenApplicantUseCase, ApplicantRecordFold, StatisticsFold] },
      ],
    };
  }
}
