// The platform under test: the services on 3000–3005 if they answer, otherwise `npm start` for the
// run (with --cpu-prof, a profiler preloaded into each service) and stopped afterwards.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { canConnect } from '../../local/infra.mjs';
import { SERVICES } from './probes/metrics.mjs';

const START_TIMEOUT_MS = 240_000;
const PROFILER_PRELOAD = fileURLToPath(new URL('./profile/cpu-profile-preload.cjs', import.meta.url));
// V8's 1 ms default cost the saturated two-core machine about a third of its throughput; 10 ms still
// gives thousands of samples per service in a run.
export const PROFILE_INTERVAL_US = Number(process.env.BENCH_CPU_PROF_INTERVAL_US ?? 10_000);

export const kafkaBrokers = () => process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
export const databaseServerUrl = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function healthy(service) {
  try {
    const response = await fetch(`http://127.0.0.1:${service.port}/health`, { signal: AbortSignal.timeout(3_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Which services listen, and which of them are healthy. */
export async function survey() {
  const listening = [];
  const unhealthy = [];
  for (const service of SERVICES) {
    if (!(await canConnect('127.0.0.1', service.port))) continue;
    listening.push(service.name);
    if (!(await healthy(service))) unhealthy.push(service.name);
  }
  return { listening, unhealthy };
}

/**
 * Starts every service with `npm start`; resolves once they are healthy. `profileDir` turns the
 * profiler on. The services' output goes to `logFile`.
 */
export async function startPlatform({ repoRoot, logFile, profileDir, log }) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${PROFILER_PRELOAD}`.trim();
    env.BENCH_CPU_PROF_DIR = profileDir;
    env.BENCH_CPU_PROF_INTERVAL_US = String(PROFILE_INTERVAL_US);
  }
  log(`starting the platform (npm start), its output in ${path.relative(repoRoot, logFile)}${profileDir ? `, CPU profiles into ${path.relative(repoRoot, profileDir)}` : ''}`);
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['deploy/local/start.mjs'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = createWriteStream(logFile);
  let recent = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output.write(chunk);
      recent = (recent + chunk).slice(-20_000);
    });
  }
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!recent.includes('services are healthy')) {
    if (child.exitCode !== null || Date.now() > deadline || recent.includes('not healthy after')) {
      await stopPlatform({ child, output });
      throw new Error(`the platform did not start; the end of its output:\n${recent.slice(-3_000)}`);
    }
    await sleep(250);
  }
  return { child, output, bootSeconds: Number(((performance.now() - startedAt) / 1000).toFixed(1)) };
}

/** SIGTERM to the supervisor, which stops each service (and so has each write its profile). */
export async function stopPlatform({ child, output }) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await new Promise((resolve) => output.end(resolve));
}
