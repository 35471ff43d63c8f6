// The shared record's replay: `npm run sharing:rebuild -- --database <scratch>` timed from launch to
// exit (boot and migrations included), then the scratch database is dropped.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { withClient } from '../probes/postgres.mjs';

/** `keep`: the scratch database is left for the caller (who drops it) to compare with the live one. */
export async function replayRate({ repoRoot, serverUrl, kafkaBrokers, timeoutS, keep = false, prefix = 'bench_replay' }) {
  const database = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const startedAt = performance.now();
  const child = spawn('npm', ['run', '--silent', 'sharing:rebuild', '--', '--database', database], {
    cwd: repoRoot,
    // As npm start runs the services: development unless the environment says otherwise (then its keys are needed).
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development', DATABASE_URL: serverUrl, KAFKA_BROKERS: kafkaBrokers, LOG_LEVEL: 'warn', KAFKAJS_NO_PARTITIONER_WARNING: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a run past the timeout can be stopped with everything it started.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    process.kill(-child.pid, 'SIGTERM');
  }, timeoutS * 1000);
  const exitCode = await new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  clearTimeout(timer);
  const seconds = (performance.now() - startedAt) / 1000;
  if (!keep || exitCode !== 0 || timedOut) await dropScratch(serverUrl, database);

  const reportLine = stdout.trim().split('\n').reverse().find((line) => line.startsWith('{'));
  if (timedOut || exitCode !== 0 || !reportLine) {
    return { database, ok: false, seconds: round(seconds), timedOut, exitCode, error: (stderr || stdout).trim().split('\n').slice(-3).join(' | ').slice(0, 400) };
  }
  const report = JSON.parse(reportLine);
  return {
    database,
    ok: true,
    seconds: round(seconds),
    read: report.read,
    applied: report.applied,
    skipped: report.skipped,
    readPerSecond: Math.round(report.read / seconds),
    appliedPerSecond: Math.round(report.applied / seconds),
  };
}

export async function dropScratch(serverUrl, database) {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined);
}

const round = (value) => Number(value.toFixed(1));
