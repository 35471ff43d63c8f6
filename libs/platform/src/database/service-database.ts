import { Client } from 'pg';
import { DataSource, MigrationExecutor, type MixedList } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { TransactionEndsClient } from '@work-permit/messaging';

/** The URL of database `name` on the server at `serverUrl`. */
export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A database that is not as the settings say it must be: a clear reason, never retried. */
export class DatabaseSetupError extends Error {
  override readonly name = 'DatabaseSetupError';
}

/** Creates the service's database when missing; several services may race to do it. */
export async function ensureDatabaseExists(serverUrl: string, name: string): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
      return true;
    } catch (error) {
      // Another service (or a second replica) created it meanwhile: 42P04, or 23505 when both inserted at once.
      if (['42P04', '23505'].includes((error as { code?: string }).code ?? '')) return false;
      throw error;
    }
  } finally {
    await client.end();
  }
}

/**
 * With DATABASE_CREATE=false the database is made by operations (with its owner role), never by the
 * service: this only connects to it, and says so plainly when it is not there.
 */
export async function requireDatabaseExists(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrlFor(serverUrl, name), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') {
      throw new DatabaseSetupError(
        `database "${name}" does not exist on ${new URL(serverUrl).host}; with DATABASE_CREATE=false operations create it and its owner role (deploy/k8s/README.md), or set DATABASE_CREATE=true to let the service create it`,
      );
    }
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** What opening a service's database needs from its settings. */
export interface ServiceDatabaseSettings {
  DATABASE_URL: string;
  DATABASE_NAME: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_CREATE: boolean;
  DATABASE_MIGRATE_AT_BOOT: boolean;
}

export interface ServiceSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

/** Where migrations report what they do: the service's logger at boot, JSON lines in `migrate`. */
export type MigrationLog = (message: string, fields?: Record<string, unknown>) => void;

/** Creates the database (DATABASE_CREATE) or makes sure operations did. */
export async function prepareServiceDatabase(settings: Pick<ServiceDatabaseSettings, 'DATABASE_URL' | 'DATABASE_NAME' | 'DATABASE_CREATE'>): Promise<void> {
  if (settings.DATABASE_CREATE) await ensureDatabaseExists(settings.DATABASE_URL, settings.DATABASE_NAME);
  else await requireDatabaseExists(settings.DATABASE_URL, settings.DATABASE_NAME);
}

/** The TypeORM settings of a service's own database; migrations never run implicitly (see `migrateLocked`). */
export function serviceDataSourceOptions(schema: ServiceSchema, settings: Pick<ServiceDatabaseSettings, 'DATABASE_URL' | 'DATABASE_NAME' | 'DATABASE_POOL_SIZE'>): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: databaseUrlFor(settings.DATABASE_URL, settings.DATABASE_NAME),
    entities: toArray(schema.entities),
    migrations: toArray(schema.migrations),
    migrationsRun: false,
    synchronize: false,
    extra: { max: settings.DATABASE_POOL_SIZE, Client: TransactionEndsClient },
  };
}

/**
 * Runs the pending migrations while holding the database's migration lock (a session-level PostgreSQL
 * advisory lock), so two Jobs, or a Job and a pod migrating at boot, never migrate at once: the second
 * waits, then finds nothing left to run. Answers the names of the migrations it ran.
 */
export async function migrateLocked(dataSource: DataSource, log: MigrationLog): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    const [{ locked }] = (await lock.query(`SELECT pg_try_advisory_lock(hashtext('migrations:' || current_database())) AS locked`)) as { locked: boolean }[];
    if (!locked) {
      log('waiting for the migration lock: another run is migrating this database');
      await lock.query(`SELECT pg_advisory_lock(hashtext('migrations:' || current_database()))`);
    }
    try {
      const ran = await dataSource.runMigrations({ transaction: 'all' });
      for (const migration of ran) log('migration ran', { migration: migration.name });
      log(ran.length > 0 ? `${ran.length} migration(s) ran` : 'no pending migrations', { ran: ran.length });
      return ran.map((migration) => migration.name);
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(hashtext('migrations:' || current_database()))`);
    }
  } finally {
    await lock.release();
  }
}

/** The migrations the code knows that the database has not run. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
  return pending.map((migration) => migration.name);
}

/**
 * Opens a service's database as its settings say: created or required (DATABASE_CREATE), then either
 * migrated under the lock (DATABASE_MIGRATE_AT_BOOT) or checked to need nothing — a service never
 * serves a schema older than its code: it stops, naming the migrations and the command that runs them.
 */
export async function openServiceDatabase(
  dataSource: DataSource,
  settings: Pick<ServiceDatabaseSettings, 'DATABASE_URL' | 'DATABASE_NAME' | 'DATABASE_CREATE' | 'DATABASE_MIGRATE_AT_BOOT'>,
  log: MigrationLog,
): Promise<DataSource> {
  await prepareServiceDatabase(settings);
  await dataSource.initialize();
  try {
    if (settings.DATABASE_MIGRATE_AT_BOOT) {
      await migrateLocked(dataSource, log);
    } else {
      const pending = await pendingMigrations(dataSource);
      if (pending.length > 0) {
        throw new DatabaseSetupError(
          `database "${settings.DATABASE_NAME}" has ${pending.length} pending migration(s) (${pending.join(', ')}) and DATABASE_MIGRATE_AT_BOOT=false: run the migration command first ("node dist/services/<service>/src/main.js migrate", the migration Job in deploy/k8s)`,
        );
      }
    }
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return dataSource;
}

/** The `migrate` command: prepares the database, migrates it under the lock, closes it. */
export async function migrateServiceDatabase(schema: ServiceSchema, settings: Pick<ServiceDatabaseSettings, 'DATABASE_URL' | 'DATABASE_NAME' | 'DATABASE_CREATE'>, log: MigrationLog): Promise<string[]> {
  await prepareServiceDatabase(settings);
  // Two connections: one holds the lock, the other runs the migrations.
  const dataSource = new DataSource(serviceDataSourceOptions(schema, { ...settings, DATABASE_POOL_SIZE: 2 }));
  await dataSource.initialize();
  try {
    return await migrateLocked(dataSource, log);
  } finally {
    await dataSource.destroy();
  }
}

function toArray<T>(list: T[] | Record<string, T>): T[] {
  return Array.isArray(list) ? list : Object.values(list);
}
