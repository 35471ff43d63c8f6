import 'reflect-metadata';
import { bootstrapService, defaultDatabaseName, loadConfig } from '@work-permit/platform';
import { AppModule } from './app.module';
import { HrSocialSecurityConfig } from './hr-social-security.config';
import { HrSocialSecurityService } from './hr-social-security.service';

async function main(): Promise<void> {
  const config = loadConfig(HrSocialSecurityConfig, process.env, {
    PORT: HrSocialSecurityService.defaultPort,
    DATABASE_NAME: defaultDatabaseName(HrSocialSecurityService.name),
  });
  await bootstrapService(AppModule.register(config), config, HrSocialSecurityService.name);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
