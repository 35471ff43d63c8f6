// One reading of every counter the bench compares across a phase, and the differences between two.
import { counterDeltas, scrapeAll } from './metrics.mjs';
import { cpuDeltas, cpuSnapshot } from './processes.mjs';
import { databaseDeltas } from './postgres.mjs';

export async function snapshot({ repoRoot, database }) {
  const [metrics, db] = await Promise.all([scrapeAll(), database.counters()]);
  return { at: performance.now(), metrics, db, cpu: cpuSnapshot(repoRoot) };
}

export function difference(before, after) {
  return {
    seconds: (after.at - before.at) / 1000,
    services: counterDeltas(before.metrics, after.metrics),
    databases: databaseDeltas(before.db, after.db),
    cpu: cpuDeltas(before.cpu, after.cpu),
  };
}
