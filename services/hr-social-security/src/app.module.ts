import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@work-permit/platform';
import type { HrSocialSecurityConfig } from './hr-social-security.config';
import { HrSocialSecurityService } from './hr-social-security.service';

@Module({})
export class AppModule {
  static register(config: HrSocialSecurityConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(HrSocialSecurityService, config)] };
  }
}
