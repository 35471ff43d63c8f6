// Issue 16's case 8 at the end of a soak: the shared record and statistics rebuilt from the topics
// (`npm run sharing:rebuild` into a scratch database, the bench's replay) and compared row for row
// with the live ones for the soak's cases — services/data-sharing/scripts/rebuild-comparison.ts, the
// same comparison as the crash suite's test, loaded from its TypeScript source.
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { dropScratch, replayRate } from '../../bench/lib/ceilings/replay.mjs';
import '../../bench/lib/kafka-client.mjs'; // registers @swc-node/register for the require below

const require = createRequire(import.meta.url);

const databaseUrlOf = (serverUrl, name) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function snapshot(url, caseIds, snapshotOfCases) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await snapshotOfCases(client, caseIds);
  } finally {
    await client.end();
  }
}

export async function rebuildCheck({ repoRoot, serverUrl, kafkaBrokers, caseIds, liveDatabase = 'weihai_data_sharing', timeoutS = 1_800 }) {
  const { snapshotOfCases, differences, rowCounts, NOT_REBUILT } = require(path.join(repoRoot, 'services/data-sharing/scripts/rebuild-comparison.ts'));
  const replay = await replayRate({ repoRoot, serverUrl, kafkaBrokers, timeoutS, keep: true, prefix: 'soak_rebuild' });
  if (!replay.ok) return { ok: false, replay, error: `the rebuild did not finish: ${replay.timedOut ? 'timed out' : replay.error}` };
  try {
    const live = await snapshot(databaseUrlOf(serverUrl, liveDatabase), caseIds, snapshotOfCases);
    const rebuilt = await snapshot(databaseUrlOf(serverUrl, replay.database), caseIds, snapshotOfCases);
    const found = differences(live, rebuilt);
    return { ok: found.length === 0, replay, rows: rowCounts(live), rebuiltRows: rowCounts(rebuilt), differences: found, notCompared: [...NOT_REBUILT, ...live.unselectable] };
  } finally {
    await dropScratch(serverUrl, replay.database);
  }
}
