// The services' databases as PostgreSQL counts them: commits and rows written, from pg_stat_database.
import pg from 'pg';
import { SERVICES } from './metrics.mjs';

// superuser_reserved_connections' default, which ordinary clients cannot use (and background workers).
const RESERVED_CONNECTIONS = 3;

export const SERVICE_DATABASES = SERVICES.map((s) => `weihai_${s.name.replace(/-/g, '_')}`);

export async function withClient(connectionString, work) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Reads pg_stat_database over one connection opened before the load: with every service's pool
 * full, the server may have no connection left to give later (max_connections).
 */
export class DatabaseProbe {
  static async connect(serverUrl) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    return new DatabaseProbe(client);
  }

  constructor(client) {
    this.client = client;
    this.connectionPeaks = { max: undefined, peakTotal: 0, peakByDatabase: {} };
  }

  /** Keeps the peak of the services' connections (the bench's scratch databases and this probe left out). */
  startSampling(intervalMs) {
    this.sampler = setInterval(() => void this.sampleConnections(), intervalMs);
  }

  async sampleConnections() {
    const now = await this.connections().catch(() => undefined);
    if (!now) return;
    const peaks = this.connectionPeaks;
    peaks.max = now.max;
    const services = Object.entries(now.byDatabase).filter(([name]) => SERVICE_DATABASES.includes(name));
    peaks.peakTotal = Math.max(peaks.peakTotal, services.reduce((sum, [, n]) => sum + n, 0));
    for (const [name, n] of services) peaks.peakByDatabase[name] = Math.max(peaks.peakByDatabase[name] ?? 0, n);
  }

  /** `{ database: { commits, rollbacks, rowsWritten } }` for the services' databases. */
  async counters() {
    const { rows } = await this.client.query(
      `SELECT datname, xact_commit::bigint AS commits, xact_rollback::bigint AS rollbacks,
              (tup_inserted + tup_updated + tup_deleted)::bigint AS rows_written
         FROM pg_stat_database WHERE datname = ANY($1)`,
      [SERVICE_DATABASES],
    );
    return Object.fromEntries(rows.map((r) => [r.datname, { commits: Number(r.commits), rollbacks: Number(r.rollbacks), rowsWritten: Number(r.rows_written) }]));
  }

  /** How many connections the server allows and how many each database holds now. */
  async connections() {
    const max = Number((await this.client.query('SHOW max_connections')).rows[0].max_connections);
    const { rows } = await this.client.query('SELECT datname, count(*)::int AS n FROM pg_stat_activity WHERE datname IS NOT NULL GROUP BY datname');
    return { max, byDatabase: Object.fromEntries(rows.map((r) => [r.datname, r.n])) };
  }

  /** Waits (up to the deadline) until the server has `wanted` connections to spare; idle pools shrink after 10 s. */
  async waitForFreeConnections(wanted, deadlineMs) {
    for (;;) {
      const { max, byDatabase } = await this.connections();
      const free = max - Object.values(byDatabase).reduce((a, b) => a + b, 0) - RESERVED_CONNECTIONS;
      if (free >= wanted || performance.now() > deadlineMs) return free;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  close() {
    clearInterval(this.sampler);
    return this.client.end();
  }
}

export function databaseDeltas(before, after) {
  const deltas = {};
  for (const [database, counters] of Object.entries(after)) {
    const base = before[database] ?? { commits: 0, rollbacks: 0, rowsWritten: 0 };
    deltas[database] = { commits: counters.commits - base.commits, rollbacks: counters.rollbacks - base.rollbacks, rowsWritten: counters.rowsWritten - base.rowsWritten };
  }
  return deltas;
}

export async function serverFacts(serverUrl) {
  return withClient(serverUrl, async (client) => {
    const version = (await client.query('SHOW server_version')).rows[0].server_version;
    const settings = {};
    for (const name of ['synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'max_connections']) {
      settings[name] = (await client.query(`SHOW ${name}`)).rows[0][name];
    }
    return { version, settings };
  });
}
