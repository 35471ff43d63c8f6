// npm start [-- --only portal,science-tech]
// Kafka and PostgreSQL, one build, then the services in one prefixed log stream.
//
// npm run dev [-- --only portal]  (npm start -- --watch)
// The same, but each service runs from its TypeScript sources (SWC, no tsc build) under `node --watch`,
// which restarts it when one of the files it loaded (its own, the libraries') changes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { concurrently } from 'concurrently';
import { canConnect, ensureInfrastructure, repoRoot } from './infra.mjs';
import { serviceNodeOptions } from './service-node-options.mjs';

const HEALTH_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;
const log = (message) => console.log(`[start] ${message}`);

function fail(message, code = 1) {
  console.error(`[start] ${message}`);
  process.exit(code);
}

const allServices = JSON.parse(readFileSync(new URL('./services.json', import.meta.url), 'utf8'));
const mainOf = (service) => `dist/${service.directory}/src/main.js`;
const sourceMainOf = (service) => `${service.directory}/src/main.ts`;

let options;
try {
  options = parseArgs({ options: { only: { type: 'string' }, watch: { type: 'boolean', default: false } } }).values;
} catch (error) {
  fail(`${error.message}\nusage: npm start [-- --only ${allServices.map((s) => s.name).join(',')}] [--watch]`, 2);
}
const watch = options.watch;
const selected = options.only?.split(',').map((name) => name.trim()) ?? allServices.map((s) => s.name);
const unknown = selected.filter((name) => !allServices.some((s) => s.name === name));
if (unknown.length > 0) fail(`unknown service ${unknown.join(', ')}; known: ${allServices.map((s) => s.name).join(', ')}`, 2);
const services = allServices.filter((s) => selected.includes(s.name));

const busy = [];
for (const service of services) if (await canConnect('127.0.0.1', service.port)) busy.push(service);
if (busy.length > 0) {
  fail(`already in use: ${busy.map((s) => `${s.name} port ${s.port}`).join(', ')} (another npm start?)`);
}

let infra;
try {
  infra = await ensureInfrastructure();
} catch (error) {
  fail(error.message);
}

// Watching, the services run from their sources: no tsc build (`npm run typecheck` checks the types).
log(watch ? 'building the web front (vite build); the services run from their sources' : 'building: npx tsc -p tsconfig.build.json, then the web front (vite build)');
const build = watch ? { status: 0 } : spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
// The web front the portal serves at / (dist/web).
const webBuild = build.status === 0 ? spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'web/vite.config.mts'], { cwd: repoRoot, stdio: 'inherit' }) : build;
const missing = services.filter((s) => !existsSync(path.join(repoRoot, watch ? sourceMainOf(s) : mainOf(s))));
if (build.status !== 0 || webBuild.status !== 0 || missing.length > 0) {
  await infra.stop();
  fail(build.status !== 0 || webBuild.status !== 0 ? 'build failed' : `not found: ${missing.map(watch ? sourceMainOf : mainOf).join(', ')}`);
}

const { commands, result } = concurrently(
  services.map((service) => ({
    name: service.name,
    // exec: node replaces the shell, so it is the process that receives our signals. Watching, SWC
    // compiles the sources as they load (with the aliases and decorator metadata of tsconfig.base.json)
    // and node restarts the service when one of them changes; a service that fails waits for a change.
    command: watch
      ? `exec node --watch --watch-preserve-output -r reflect-metadata -r @swc-node/register ${sourceMainOf(service)}`
      : `exec node -r ./deploy/local/register-paths.cjs ${mainOf(service)}`,
    env: {
      ...(watch ? { SWC_NODE_PROJECT: 'tsconfig.base.json' } : {}),
      PORT: String(service.port),
      NODE_OPTIONS: `${serviceNodeOptions(service.name)} ${process.env.NODE_OPTIONS ?? ''}`.trim(),
      KAFKA_BROKERS: infra.kafkaBrokers,
      DATABASE_URL: infra.databaseUrl,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      // The local sign-in page: on for a developer's machine, never in production (the portal refuses it there).
      AUTH_LOCAL_SIGN_IN: process.env.AUTH_LOCAL_SIGN_IN ?? 'true',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      // Readable lines (pino-pretty) when this runs on a terminal: the services' own stdout is a pipe.
      LOG_PRETTY: process.env.LOG_PRETTY ?? String(process.stdout.isTTY === true),
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    },
  })),
  { cwd: repoRoot, prefix: 'name', prefixColors: ['blue', 'green', 'magenta', 'cyan', 'yellow', 'red'] },
);
// Exits are handled per command below; the combined result would only report the first exit of each.
result.catch(() => undefined);

// Restarting here rather than with concurrently's restartTries: that one also restarts a service
// that a SIGTERM stopped, and a restart already scheduled when Ctrl-C arrives.
let stopping = false;
for (const command of commands) {
  let failures = 0;
  command.close.subscribe(({ exitCode, timings }) => {
    if (stopping) return;
    // Back off while a service keeps failing at boot; one that ran for a while restarts after 1 s.
    failures = timings.durationSeconds > 60 ? 1 : failures + 1;
    const delayMs = Math.min(1000 * 2 ** (failures - 1), 30_000);
    log(`${command.name} exited (${exitCode}); restarting in ${delayMs / 1000} s`);
    setTimeout(() => stopping || command.start(), delayMs);
  });
}

async function shutdown(signal) {
  if (stopping) {
    log(`${signal} again: killing the services`);
    commands.forEach((command) => command.kill('SIGKILL'));
    process.exit(1);
  }
  stopping = true;
  log(`${signal}: stopping the services`);
  // concurrently passes signals on too, but only until every service has exited once.
  commands.forEach((command) => command.kill(signal));
  const killTimer = setTimeout(() => {
    log(`services still running after ${STOP_TIMEOUT_MS / 1000} s; killing them`);
    commands.forEach((command) => command.kill('SIGKILL'));
  }, STOP_TIMEOUT_MS);
  while (commands.some((command) => command.process)) await sleep(100);
  clearTimeout(killTimer);
  if (infra.startedEmbeddedPg) log('stopping the embedded PostgreSQL');
  await infra.stop();
  if (!process.env.KAFKA_BROKERS) {
    log(`the Kafka broker at ${infra.kafkaBrokers} is left running for the next start; stop it with: npm run infra:down`);
  }
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(signal));

async function isHealthy(service) {
  try {
    const response = await fetch(`http://127.0.0.1:${service.port}/health`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

const unhealthy = new Set(services);
const deadline = Date.now() + HEALTH_TIMEOUT_MS;
while (unhealthy.size > 0 && Date.now() < deadline && !stopping) {
  for (const service of unhealthy) if (await isHealthy(service)) unhealthy.delete(service);
  if (unhealthy.size > 0) await sleep(1000);
}
if (!stopping) {
  log(unhealthy.size === 0 ? `all ${services.length} services are healthy` : `not healthy after ${HEALTH_TIMEOUT_MS / 1000} s: ${[...unhealthy].map((s) => s.name).join(', ')}`);
  const width = Math.max(...services.map((s) => s.name.length));
  for (const service of services) {
    log(`  ${service.name.padEnd(width)}  http://localhost:${service.port}  ${unhealthy.has(service) ? 'NOT healthy' : 'healthy'}`);
  }
  log('Ctrl-C stops every service');
}
