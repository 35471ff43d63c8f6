// npm run sharing:rebuild -- --database <name> — rebuilds the shared record and the statistics from the
// topics into a new database, beside the live one. Settings from the environment as for the service.
import 'reflect-metadata';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import { rebuildFromTopics } from '../src/replay/rebuild-from-topics';

async function main(): Promise<void> {
  const at = process.argv.indexOf('--database');
  const database = at >= 0 ? process.argv[at + 1] : undefined;
  if (!database) throw new Error('usage: npm run sharing:rebuild -- --database <new database name>');
  const config = loadConfig(DataSharingConfig, { ...process.env, DATABASE_NAME: database }, serviceConfigDefaults(DataSharingService));
  const report = await rebuildFromTopics(config);
  console.log(JSON.stringify(report));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`sharing:rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
