import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@work-permit/platform';
import type { ScienceTechConfig } from './science-tech.config';
import { ScienceTechService } from './science-tech.service';

@Module({})
export class AppModule {
  static register(config: ScienceTechConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(ScienceTechService, config)] };
  }
}
