import 'reflect-metadata';
import { bootstrapService, defaultDatabaseName, loadConfig } from '@work-permit/platform';
import { AppModule } from './app.module';
import { AdminApprovalConfig } from './admin-approval.config';
import { AdminApprovalService } from './admin-approval.service';

async function main(): Promise<void> {
  const config = loadConfig(AdminApprovalConfig, process.env, {
    PORT: AdminApprovalService.defaultPort,
    DATABASE_NAME: defaultDatabaseName(AdminApprovalService.name),
  });
  await bootstrapService(AppModule.register(config), config, AdminApprovalService.name);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
