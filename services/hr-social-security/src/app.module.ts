import { type DynamicModule, Module } from '@nestjs/common';
import { AgencyReviewModule } from '@work-permit/agency-review';
import { PlatformModule } from '@work-permit/platform';
import type { HrSocialSecurityConfig } from './hr-social-security.config';
import { HrSocialSecurityReview } from './hr-social-security.review';
import { HrSocialSecurityService } from './hr-social-security.service';

@Module({})
export class AppModule {
  static register(config: HrSocialSecurityConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(HrSocialSecurityService, config), AgencyReviewModule.forAgency(HrSocialSecurityReview, config)] };
  }
}
