import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** The broker and PostgreSQL server the project's scripts started (`npm test` sets both). */
export function testKafkaBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
}

export function testDatabaseServerUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** A fresh, empty database for one test file; `drop` removes it. */
export async function createTestDatabase(prefix: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = uniqueName(`wp_test_${prefix}`).toLowerCase();
  await withTestDatabaseClient(undefined, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: testDatabaseUrl(name),
    drop: () => withTestDatabaseClient(undefined, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** The URL of database `name` on the test server (the server's own database when undefined). */
function testDatabaseUrl(name: string | undefined): string {
  const url = new URL(testDatabaseServerUrl());
  if (name) url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` with a connection of its own to database `name` on the test server (the server's own database when undefined). */
export async function withTestDatabaseClient<T>(name: string | undefined, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testDatabaseUrl(name) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}
