import { type DynamicModule, Module } from '@nestjs/common';
import { AgencyReviewModule } from '@work-permit/agency-review';
import { PlatformModule } from '@work-permit/platform';
import type { PublicSecurityConfig } from './public-security.config';
import { PublicSecurityReview } from './public-security.review';
import { PublicSecurityService } from './public-security.service';

@Module({})
export class AppModule {
  static register(config: PublicSecurityConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(PublicSecurityService, config), AgencyReviewModule.forAgency(PublicSecurityReview, config)] };
  }
}
