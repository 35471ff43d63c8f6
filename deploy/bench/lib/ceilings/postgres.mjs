// PostgreSQL alone: single-row INSERT commits per second (autocommit, the server's own durability
// settings) into a scratch table in a scratch database, dropped afterwards.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withClient } from '../probes/postgres.mjs';

function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** `[{ clients, commits, seconds, perSecond }]` for each client count. */
export async function postgresCeiling(serverUrl, { clientCounts, seconds }) {
  const database = `bench_scratch_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  try {
    const url = databaseUrl(serverUrl, database);
    await withClient(url, (client) => client.query('CREATE TABLE scratch (id bigserial PRIMARY KEY, case_id uuid NOT NULL, payload text NOT NULL, at timestamptz NOT NULL DEFAULT now())'));
    const results = [];
    for (const clients of clientCounts) results.push(await commitLoop(url, clients, seconds));
    return { database, results };
  } finally {
    await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
}

async function commitLoop(url, clientCount, seconds) {
  const clients = await Promise.all(
    Array.from({ length: clientCount }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  const payload = 'x'.repeat(200);
  let commits = 0;
  const startedAt = performance.now();
  const stopAt = startedAt + seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < stopAt) {
          await client.query('INSERT INTO scratch (case_id, payload) VALUES ($1, $2)', [randomUUID(), payload]);
          commits += 1;
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
  const elapsed = (performance.now() - startedAt) / 1000;
  return { clients: clientCount, commits, seconds: Number(elapsed.toFixed(2)), perSecond: Math.round(commits / elapsed) };
}
