import { describeServiceBoot } from '@work-permit/platform/testing';
import { AppModule } from '../src/app.module';
import { AdminApprovalConfig } from '../src/admin-approval.config';
import { AdminApprovalService } from '../src/admin-approval.service';

describeServiceBoot(AdminApprovalService, AdminApprovalConfig, (config) => AppModule.register(config));
