import 'reflect-metadata';
import { bootstrapService, defaultDatabaseName, loadConfig } from '@work-permit/platform';
import { AppModule } from './app.module';
import { PortalConfig } from './portal.config';
import { PortalService } from './portal.service';

async function main(): Promise<void> {
  const config = loadConfig(PortalConfig, process.env, {
    PORT: PortalService.defaultPort,
    DATABASE_NAME: defaultDatabaseName(PortalService.name),
  });
  await bootstrapService(AppModule.register(config), config, PortalService.name);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
