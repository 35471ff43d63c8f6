import 'reflect-metadata';
import { bootstrapService, defaultDatabaseName, loadConfig } from '@work-permit/platform';
import { AppModule } from './app.module';
import { PublicSecurityConfig } from './public-security.config';
import { PublicSecurityService } from './public-security.service';

async function main(): Promise<void> {
  const config = loadConfig(PublicSecurityConfig, process.env, {
    PORT: PublicSecurityService.defaultPort,
    DATABASE_NAME: defaultDatabaseName(PublicSecurityService.name),
  });
  await bootstrapService(AppModule.register(config), config, PublicSecurityService.name);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
