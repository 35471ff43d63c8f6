// npm run audit:verify — checks the shared record's access log: every row's HMAC chain under
// AUDIT_CHAIN_KEY, and that the log still reaches the highest head published on sharing.events (a
// deleted tail, a rewritten chain). Settings from the environment as for the service: DATABASE_URL,
// DATABASE_NAME (default weihai_data_sharing), KAFKA_BROKERS (and KAFKA_SSL*, KAFKA_SASL_*), AUDIT_CHAIN_KEY (NODE_ENV=development or
// test for the local key). Exit 1 when the log is broken, 2 when it cannot be checked.
import 'reflect-metadata';
import { onTheWire } from '@work-permit/catalogue';
import { topicHistoryAt } from '@work-permit/messaging';
import { databaseUrlFor, loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { Client } from 'pg';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import { highestHead } from '../src/record/audit/published-head';
import { publishedHeadsOf } from '../src/record/audit/published-heads.reader';
import { verifyAccessLog } from '../src/record/audit/verify-access-log';

async function main(): Promise<number> {
  const config = loadConfig(DataSharingConfig, process.env, serviceConfigDefaults(DataSharingService));
  const database = config.DATABASE_NAME;
  const head = highestHead(await publishedHeadsOf(topicHistoryAt('data-sharing-audit-verify', config.kafkaBrokers, config.kafkaSecurity), database));
  const client = new Client({ connectionString: databaseUrlFor(config.DATABASE_URL, database) });
  await client.connect();
  try {
    const verdict = await verifyAccessLog(async (sql, params) => (await client.query(sql, params)).rows, config.auditChainKey, { publishedHead: head });
    if (verdict.ok) {
      const published = head ? `reaches the published head, row ${head.id} of ${head.rowAt.toISOString()}` : 'no head published yet, so a deleted tail cannot be ruled out';
      console.log(`access log of ${database}: ${verdict.rows} rows, chain intact under the key, ${published} (head ${verdict.head})`);
      return 0;
    }
    console.error(`access log of ${database}: chain broken at row ${verdict.brokenAt}: ${onTheWire(verdict.reason)} (${verdict.rows} rows before it are intact)`);
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
