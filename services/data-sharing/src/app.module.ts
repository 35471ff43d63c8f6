import { type DynamicModule, Module } from '@nestjs/common';
import { Clock, PlatformModule } from '@work-permit/platform';
import type { DataSharingConfig } from './data-sharing.config';
import { DataSharingService } from './data-sharing.service';
import { EVENT_FOLDS, type EventFold } from './events/event-fold';
import { SharingEventsConsumer } from './events/sharing-events.consumer';
import { AbnormalListController } from './screening/abnormal-list.controller';
import { ScreenApplicantUseCase } from './screening/screen-applicant.usecase';

@Module({})
export class AppModule {
  static register(config: DataSharingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(DataSharingService, config)],
      controllers: [SharingEventsConsumer, AbnormalListController],
      providers: [
        Clock,
        ScreenApplicantUseCase,
        // Each fold sees every consumed event, in this order, in the event's transaction.
        { provide: EVENT_FOLDS, useFactory: (...folds: EventFold[]) => folds, inject: [ScreenApplicantUseCase] },
      ],
    };
  }
}
