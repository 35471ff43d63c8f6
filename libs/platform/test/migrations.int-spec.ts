import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MESSAGING_MIGRATIONS } from '@work-permit/messaging';
import { testDatabaseServerUrl, testKafkaBrokers, uniqueName, withTestDatabaseClient } from '@work-permit/testing';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { DatabaseSetupError, loadConfig, migrateService, openServiceDatabase, PlatformModule, ServiceConfig, serviceConfigDefaults, serviceDataSourceOptions, type ServiceDefinition } from '../src';

/** A migration slow enough that two runs started together overlap. */
class SlowProbeTable1700000000001 implements MigrationInterface {
  name = 'SlowProbeTable1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SELECT pg_sleep(0.5)');
    await queryRunner.query('CREATE TABLE migration_probe (id integer PRIMARY KEY)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE migration_probe');
  }
}

const probeService: ServiceDefinition = { name: 'migration-probe', defaultPort: 3098, consumes: [], entities: [], migrations: [SlowProbeTable1700000000001] };
const allMigrations = [...MESSAGING_MIGRATIONS.map((migration) => migration.name), 'SlowProbeTable1700000000001'];


/** Resolves once some session holds an advisory lock in database `name` (the migration lock: nothing else takes one there). */
async function migrationLockTaken(name: string): Promise<void> {
  for (;;) {
    const held = await withTestDatabaseClient(undefined, (client) =>
      client.query(`SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted AND d.datname = $1`, [name]),
    );
    if ((held.rowCount ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const dropDatabase = (name: string) => withTestDatabaseClient(undefined, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
const databaseExists = (name: string) => withTestDatabaseClient(undefined, async (client) => ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0);

function envFor(database: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: 'test', DATABASE_URL: testDatabaseServerUrl(), DATABASE_NAME: database, LOG_LEVEL: 'warn', ...extra };
}

describe('the migration command (main.js migrate)', () => {
  const created: string[] = [];
  const freshName = () => {
    const name = uniqueName('wp_test_migrate').toLowerCase();
    created.push(name);
    return name;
  };

  afterAll(async () => {
    for (const name of created) await dropDatabase(name);
  });

  it('run twice at once on a fresh database: both succeed, one waits for the lock, every migration runs exactly once', async () => {
    const database = freshName();
    const logs: string[][] = [[], []];
    const runs = await Promise.all([0, 1].map((run) => migrateService(probeService, envFor(database), (message) => logs[run].push(message))));

    // Between them, each migration ran once: one run did all, the other found nothing left.
    expect(runs.flat().sort()).toEqual([...allMigrations].sort());
    expect(runs.map((ran) => ran.length).sort((a, b) => a - b)).toEqual([0, allMigrations.length]);
    // They overlapped: the second asked for the lock while the first held it.
    expect(logs.flat()).toContain('waiting for the migration lock: another run is migrating this database');

    const rows = await withTestDatabaseClient(database, (client) => client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id'));
    expect(rows.rows.map((row) => row.name).sort()).toEqual([...allMigrations].sort());
    // A third run later has nothing to do.
    expect(await migrateService(probeService, envFor(database), () => undefined)).toEqual([]);
  });

  it('with DATABASE_CREATE=false and no database, fails naming the missing database and who creates it — and creates nothing', async () => {
    const database = freshName();
    const failure = migrateService(probeService, envFor(database, { DATABASE_CREATE: 'false' }), () => undefined);
    await expect(failure).rejects.toBeInstanceOf(DatabaseSetupError);
    await expect(failure).rejects.toThrow(`database "${database}" does not exist`);
    await expect(failure).rejects.toThrow(/DATABASE_CREATE=false operations create it/);
    expect(await databaseExists(database)).toBe(false);
  });

  it('with DATABASE_CREATE=false and the database made by operations, migrates it', async () => {
    const database = freshName();
    await withTestDatabaseClient(undefined, (client) => client.query(`CREATE DATABASE "${database}"`));
    expect((await migrateService(probeService, envFor(database, { DATABASE_CREATE: 'false' }), () => undefined)).sort()).toEqual([...allMigrations].sort());
  });
});

describe('the database at boot (PlatformModule)', () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await dropDatabase(name);
  });

  function configFor(env: Record<string, string>): ServiceConfig {
    const database = uniqueName('wp_test_boot').toLowerCase();
    created.push(database);
    return loadConfig(ServiceConfig, { ...envFor(database, env), KAFKA_BROKERS: testKafkaBrokers().join(',') }, serviceConfigDefaults(probeService));
  }

  /** Compiles the platform as a service's AppModule would: the database provider runs, nothing listens yet. */
  async function boot(config: ServiceConfig) {
    @Module({ imports: [PlatformModule.forRoot(probeService, config)] })
    class ProbeAppModule {}
    return Test.createTestingModule({ imports: [ProbeAppModule] }).compile();
  }

  it('with DATABASE_MIGRATE_AT_BOOT=false and pending migrations, the start fails at once naming them and the command that runs them', async () => {
    const config = configFor({ DATABASE_MIGRATE_AT_BOOT: 'false' });
    expect(config.DATABASE_MIGRATE_AT_BOOT).toBe(false);
    const started = Date.now();
    const failure = boot(config);
    await expect(failure).rejects.toThrow(/pending migration\(s\) \(.*SlowProbeTable1700000000001.*\) and DATABASE_MIGRATE_AT_BOOT=false: run the migration command first/);
    // Not retried: TypeORM's module would otherwise try again nine times, three seconds apart.
    expect(Date.now() - started).toBeLessThan(5_000);

    // Once the migration Job has run, the same settings start.
    await migrateService(probeService, { ...envFor(config.DATABASE_NAME) }, () => undefined);
    const app = await boot(config);
    await app.close();
  });

  it('migrating at boot (the default) takes the same lock: a boot and a migration Job at once run each migration once', async () => {
    const config = configFor({});
    const database = config.DATABASE_NAME;
    const jobLog: string[] = [];
    const dataSource = new DataSource(serviceDataSourceOptions({ entities: [], migrations: [...MESSAGING_MIGRATIONS, SlowProbeTable1700000000001] }, config));
    const bootLog: string[] = [];
    const [, job] = await Promise.all([
      openServiceDatabase(dataSource, config, (message) => bootLog.push(message)),
      // The Job starts once the boot holds the lock (creating the database alone may take longer than any fixed head start).
      migrationLockTaken(database).then(() => migrateService(probeService, envFor(database), (message) => jobLog.push(message))),
    ]);
    await dataSource.destroy();
    expect(job).toEqual([]);
    expect(jobLog).toContain('waiting for the migration lock: another run is migrating this database');
    const rows = await withTestDatabaseClient(database, (client) => client.query<{ name: string }>('SELECT name FROM migrations'));
    expect(rows.rows.map((row) => row.name).sort()).toEqual([...allMigrations].sort());
  });

  it('with DATABASE_CREATE=false and no database, the start fails at once naming it', async () => {
    const config = configFor({ DATABASE_CREATE: 'false' });
    await expect(boot(config)).rejects.toThrow(`database "${config.DATABASE_NAME}" does not exist`);
    expect(await databaseExists(config.DATABASE_NAME)).toBe(false);
  });
});
