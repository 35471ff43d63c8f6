import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@work-permit/platform';
import type { PortalConfig } from './portal.config';
import { PortalService } from './portal.service';

@Module({})
export class AppModule {
  static register(config: PortalConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(PortalService, config)] };
  }
}
