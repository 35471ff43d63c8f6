import { type DynamicModule, Module } from '@nestjs/common';
import { Clock, PlatformModule } from '@work-permit/platform';
import type { DataSharingConfig } from './data-sharing.config';
import { DataSharingService } from './data-sharing.service';
import { CaseScreeningConsumer } from './screening/case-screening.consumer';
import { ScreenApplicantUseCase } from './screening/screen-applicant.usecase';

@Module({})
export class AppModule {
  static register(config: DataSharingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(DataSharingService, config)],
      controllers: [CaseScreeningConsumer],
      providers: [Clock, ScreenApplicantUseCase],
    };
  }
}
