import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@work-permit/platform';
import type { AdminApprovalConfig } from './admin-approval.config';
import { AdminApprovalService } from './admin-approval.service';

@Module({})
export class AppModule {
  static register(config: AdminApprovalConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(AdminApprovalService, config)] };
  }
}
