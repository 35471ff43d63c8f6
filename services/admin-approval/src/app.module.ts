import { type DynamicModule, Module } from '@nestjs/common';
import { AgencyReviewModule } from '@work-permit/agency-review';
import { PlatformModule } from '@work-permit/platform';
import type { AdminApprovalConfig } from './admin-approval.config';
import { AdminApprovalReview } from './admin-approval.review';
import { AdminApprovalService } from './admin-approval.service';

@Module({})
export class AppModule {
  static register(config: AdminApprovalConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(AdminApprovalService, config), AgencyReviewModule.forAgency(AdminApprovalReview, config)] };
  }
}
