import 'reflect-metadata';
import { runService } from '@work-permit/platform';
import { AppModule } from './app.module';
import { AdminApprovalConfig } from './admin-approval.config';
import { AdminApprovalService } from './admin-approval.service';

runService(AdminApprovalService, AdminApprovalConfig, (config) => AppModule.register(config));
