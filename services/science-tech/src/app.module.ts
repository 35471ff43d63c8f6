import { type DynamicModule, Module } from '@nestjs/common';
import { AgencyReviewModule } from '@work-permit/agency-review';
import { PlatformModule } from '@work-permit/platform';
import type { ScienceTechConfig } from './science-tech.config';
import { ScienceTechReview } from './science-tech.review';
import { ScienceTechService } from './science-tech.service';

@Module({})
export class AppModule {
  static register(config: ScienceTechConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(ScienceTechService, config), AgencyReviewModule.forAgency(ScienceTechReview, config)] };
  }
}
