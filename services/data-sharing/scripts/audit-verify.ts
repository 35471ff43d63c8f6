// npm run audit:verify — checks the hash chain of the shared record's access log.
// DATABASE_URL (server) and DATABASE_NAME (default weihai_data_sharing) as for the service. Exit 1 when broken.
import { databaseUrlFor } from '@work-permit/platform';
import { Client } from 'pg';
import { verifyAccessLog } from '../src/record/audit/verify-access-log';

async function main(): Promise<number> {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = process.env.DATABASE_NAME ?? 'weihai_data_sharing';
  const client = new Client({ connectionString: databaseUrlFor(server, database) });
  await client.connect();
  try {
    const verdict = await verifyAccessLog(client);
    if (verdict.ok) {
      console.log(`access log of ${database}: ${verdict.rows} rows, chain intact (head ${verdict.head})`);
      return 0;
    }
    console.error(`access log of ${database}: chain broken at row ${verdict.brokenAt}: ${verdict.reason} (${verdict.rows} rows before it are intact)`);
    return 1;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
