import 'reflect-metadata';
import { bootstrapService, defaultDatabaseName, loadConfig } from '@work-permit/platform';
import { AppModule } from './app.module';
import { DataSharingConfig } from './data-sharing.config';
import { DataSharingService } from './data-sharing.service';

async function main(): Promise<void> {
  const config = loadConfig(DataSharingConfig, process.env, {
    PORT: DataSharingService.defaultPort,
    DATABASE_NAME: defaultDatabaseName(DataSharingService.name),
  });
  await bootstrapService(AppModule.register(config), config, DataSharingService.name);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
