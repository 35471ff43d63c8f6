import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@work-permit/platform';
import { AgencyEventsConsumer } from './cases/follow-agencies/agency-events.consumer';
import { FollowAgencyUseCase } from './cases/follow-agencies/follow-agency.usecase';
import { JointReviewConsumer } from './cases/follow-agencies/joint-review.consumer';
import { SubmitCaseController } from './cases/submit-case/submit-case.controller';
import { SubmitCaseUseCase } from './cases/submit-case/submit-case.usecase';
import { SupplementCaseController } from './cases/supplement-case/supplement-case.controller';
import { SupplementCaseUseCase } from './cases/supplement-case/supplement-case.usecase';
import { FollowCancellationUseCase } from './cases/report-contract-end/follow-cancellation.usecase';
import { PermitCancelledConsumer } from './cases/report-contract-end/permit-cancelled.consumer';
import { ReportContractEndController } from './cases/report-contract-end/report-contract-end.controller';
import { ReportContractEndUseCase } from './cases/report-contract-end/report-contract-end.usecase';
import { CaseQueries } from './cases/view-case/case-queries';
import { ViewCaseController } from './cases/view-case/view-case.controller';
import { WithdrawCaseController } from './cases/withdraw-case/withdraw-case.controller';
import { WithdrawCaseUseCase } from './cases/withdraw-case/withdraw-case.usecase';
import { CatalogueController } from './catalogue/catalogue.controller';
import { DocumentsModule } from './documents/documents.module';
import { draftsProviders, DraftsController } from './drafts';
import { ForecastController, forecastProviders } from './forecast';
import { MaterialsModule } from './materials/materials.module';
import { NotificationsModule } from './notifications/notifications.module';
import type { PortalConfig } from './portal.config';
import { PortalService } from './portal.service';
import { PrefillModule } from './prefill/prefill.module';
import { WebModule } from './web/web.module';
import { ApplicantIds, Clock } from '@work-permit/platform';

@Module({})
export class AppModule {
  static register(config: PortalConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(PortalService, config), NotificationsModule.register(config), PrefillModule, WebModule.register(config), MaterialsModule.register(config), DocumentsModule.register(config)],
      controllers: [
        CatalogueController,
        SubmitCaseController,
        ViewCaseController,
        SupplementCaseController,
        WithdrawCaseController,
        ReportContractEndController,
        ForecastController,
        DraftsController,
        AgencyEventsConsumer,
        JointReviewConsumer,
        PermitCancelledConsumer,
      ],
      providers: [Clock, ApplicantIds, CaseQueries, SubmitCaseUseCase, SupplementCaseUseCase, WithdrawCaseUseCase, FollowAgencyUseCase, ReportContractEndUseCase, FollowCancellationUseCase, ...forecastProviders(config), ...draftsProviders(config)],
    };
  }
}
