// The platform as the soak runs it: one build of its own (tsc into .local/soak/dist, so dist/ stays
// whatever npm start or the e2e suite last built), then every service a process of its own on
// 127.0.0.1:3000–3005 with the environment npm start gives it — so that one of them can be SIGKILLed
// and started again while the others run.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { SERVICES } from '../../bench/lib/probes/metrics.mjs';

const PRELOAD = fileURLToPath(new URL('./register-paths.cjs', import.meta.url));
const HEALTH_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

const alive = (child) => child.exitCode === null && child.signalCode === null;

async function healthy(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(3_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** The resident set of a process from /proc, in bytes (undefined once it is gone). */
export function residentBytes(pid) {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

export class Fleet {
  /**
   * @param {{ repoRoot: string, kafkaBrokers: string, databaseUrl: string, logDir: string, log: (m: string) => void }} options
   */
  constructor({ repoRoot, kafkaBrokers, databaseUrl, logDir, log }) {
    this.repoRoot = repoRoot;
    this.kafkaBrokers = kafkaBrokers;
    this.databaseUrl = databaseUrl;
    this.logDir = logDir;
    this.log = log;
    this.distDir = path.join(repoRoot, '.local/soak/dist');
    /** @type {Map<string, { child: import('node:child_process').ChildProcess, startedAt: number, lives: number, killed: boolean, stopping: boolean }>} */
    this.running = new Map();
    this.logs = new Map();
    this.unexpectedExits = [];
  }

  /** tsc into the soak's own directory (incremental: only what changed since the last soak). */
  build() {
    this.log(`building: tsc -p tsconfig.build.json --outDir ${path.relative(this.repoRoot, this.distDir)}`);
    const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', this.distDir, '--tsBuildInfoFile', path.join(this.distDir, '.tsbuildinfo')], { cwd: this.repoRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('the build failed');
    const missing = SERVICES.filter((s) => !existsSync(this.mainOf(s)));
    if (missing.length > 0) throw new Error(`not built: ${missing.map((s) => this.mainOf(s)).join(', ')}`);
  }

  mainOf(service) {
    return path.join(this.distDir, service.directory, 'src/main.js');
  }

  /** Starts every service and waits until each answers /health with 200. */
  async startAll() {
    mkdirSync(this.logDir, { recursive: true });
    for (const service of SERVICES) this.spawn(service);
    await Promise.all(SERVICES.map((service) => this.waitHealthy(service.name)));
  }

  spawn(service) {
    const log = this.logs.get(service.name) ?? createWriteStream(path.join(this.logDir, `${service.name}.log`), { flags: 'a' });
    this.logs.set(service.name, log);
    log.write(`\n--- ${new Date().toISOString()} soak: starting ${service.name}\n`);
    const child = spawn(process.execPath, ['-r', PRELOAD, this.mainOf(service)], {
      cwd: this.repoRoot,
      // As deploy/local/start.mjs runs them (NODE_ENV, local sign-in, logs), at LOG_LEVEL warn as the bench does.
      env: {
        ...process.env,
        SOAK_DIST_DIR: this.distDir,
        PORT: String(service.port),
        KAFKA_BROKERS: this.kafkaBrokers,
        DATABASE_URL: this.databaseUrl,
        NODE_ENV: process.env.NODE_ENV ?? 'development',
        AUTH_LOCAL_SIGN_IN: process.env.AUTH_LOCAL_SIGN_IN ?? 'true',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        LOG_PRETTY: 'false',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const entry = { child, startedAt: performance.now(), lives: (this.running.get(service.name)?.lives ?? 0) + 1, killed: false, stopping: false };
    child.once('exit', (code, signal) => {
      if (!entry.killed && !entry.stopping) {
        this.unexpectedExits.push({ service: service.name, code, signal, at: new Date().toISOString() });
        this.log(`${service.name} exited by itself (${signal ?? code}); see ${path.relative(this.repoRoot, path.join(this.logDir, `${service.name}.log`))}`);
      }
    });
    this.running.set(service.name, entry);
  }

  async waitHealthy(name) {
    const service = SERVICES.find((s) => s.name === name);
    const deadline = performance.now() + HEALTH_TIMEOUT_MS;
    for (;;) {
      const entry = this.running.get(name);
      if (!entry || !alive(entry.child)) throw new Error(`${name} exited before it was healthy (${entry?.child.signalCode ?? entry?.child.exitCode}); see ${path.join(this.logDir, `${name}.log`)}`);
      if (await healthy(service.port)) return;
      if (performance.now() > deadline) throw new Error(`${name} not healthy after ${HEALTH_TIMEOUT_MS / 1000} s`);
      await sleep(500);
    }
  }

  /** SIGKILL: no shutdown hook runs, as when a pod's node dies. */
  async kill(name) {
    const entry = this.running.get(name);
    if (!entry || !alive(entry.child)) return;
    entry.killed = true;
    const exited = new Promise((resolve) => entry.child.once('exit', resolve));
    entry.child.kill('SIGKILL');
    await exited;
  }

  /** Starts a killed service again; resolves with the seconds it took to be healthy. */
  async restart(name) {
    const startedAt = performance.now();
    this.spawn(SERVICES.find((s) => s.name === name));
    await this.waitHealthy(name);
    return (performance.now() - startedAt) / 1000;
  }

  pidOf(name) {
    const entry = this.running.get(name);
    return entry && alive(entry.child) ? entry.child.pid : undefined;
  }

  /** Seconds since the service's current process started (undefined while it is down). */
  uptimeOf(name) {
    const entry = this.running.get(name);
    return entry && alive(entry.child) ? (performance.now() - entry.startedAt) / 1000 : undefined;
  }

  /** SIGTERM to each (SIGKILL after 20 s), then the log files closed. */
  async stopAll() {
    await Promise.all(
      [...this.running.values()].map(
        (entry) =>
          new Promise((resolve) => {
            if (!alive(entry.child)) return resolve(undefined);
            entry.stopping = true;
            const timer = setTimeout(() => entry.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
            entry.child.once('exit', () => {
              clearTimeout(timer);
              resolve(undefined);
            });
            entry.child.kill('SIGTERM');
          }),
      ),
    );
    await Promise.all([...this.logs.values()].map((log) => new Promise((resolve) => log.end(resolve))));
  }
}
