import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@work-permit/platform';
import type { DataSharingConfig } from './data-sharing.config';
import { DataSharingService } from './data-sharing.service';

@Module({})
export class AppModule {
  static register(config: DataSharingConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(DataSharingService, config)] };
  }
}
