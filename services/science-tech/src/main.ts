import 'reflect-metadata';
import { bootstrapService, defaultDatabaseName, loadConfig } from '@work-permit/platform';
import { AppModule } from './app.module';
import { ScienceTechConfig } from './science-tech.config';
import { ScienceTechService } from './science-tech.service';

async function main(): Promise<void> {
  const config = loadConfig(ScienceTechConfig, process.env, {
    PORT: ScienceTechService.defaultPort,
    DATABASE_NAME: defaultDatabaseName(ScienceTechService.name),
  });
  await bootstrapService(AppModule.register(config), config, ScienceTechService.name);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
