import { SecondBroker, eventually, testDatabaseServerUrl, uniqueName } from '@work-permit/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

const ROOT = join(__dirname, '../../..');
const LOG_DIR = join(ROOT, '.local/e2e-logs');
const BASE_PORT = 4100;

export type ServiceName = 'portal' | 'admin-approval' | 'science-tech' | 'public-security' | 'hr-social-security' | 'data-sharing';

const AGENCY_SERVICES: Record<string, ServiceName> = { approval: 'admin-approval', scitech: 'science-tech', psb: 'public-security', hrss: 'hr-social-security', bigdata: 'data-sharing' };

const SERVICES = (JSON.parse(readFileSync(join(ROOT, 'deploy/local/services.json'), 'utf8')) as { name: ServiceName }[]).map((s) => s.name);

/**
 * Every service of the platform as its own process, built from this checkout the way `npm start`
 * runs them, each on a fresh database, all on a broker of their own (so no earlier test's events
 * reach them). Processes can be killed and started again mid-test.
 */
export class PlatformStack {
  readonly broker = new SecondBroker(29092, 29093);
  private readonly run = uniqueName('e2e').toLowerCase().replace(/[^a-z0-9_]/g, '_');
  private readonly processes = new Map<ServiceName, ChildProcess>();
  private readonly logs = new Map<ServiceName, WriteStream>();

  constructor(private readonly env: Record<string, string> = {}) {}

  url(service: ServiceName): string {
    return `http://127.0.0.1:${BASE_PORT + SERVICES.indexOf(service)}`;
  }

  kafka(): Kafka {
    return new Kafka({ clientId: `${this.run}-reader`, brokers: this.broker.brokers, logLevel: logLevel.NOTHING });
  }

  /** Starts the broker and every service from dist/, which the suites' global setup built (`build-platform.ts`). */
  async start(): Promise<void> {
    await this.broker.reset();
    await this.broker.start();
    mkdirSync(LOG_DIR, { recursive: true });
    for (const service of SERVICES) this.spawn(service);
    await Promise.all(SERVICES.map((service) => this.healthy(service)));
  }

  /** SIGKILL: no shutdown hook runs, as when a machine dies. */
  async kill(service: ServiceName): Promise<void> {
    const child = this.processes.get(service);
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.processes.delete(service);
  }

  /** Starts a service again after `kill`, or stops it gracefully (SIGTERM, as a deployment does) and starts it again. */
  async restart(service: ServiceName): Promise<void> {
    const child = this.processes.get(service);
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    this.spawn(service);
    await this.healthy(service);
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    for (const log of this.logs.values()) log.end();
    await this.broker.reset();
    await this.dropDatabases();
  }

  /** A connection to one service's own database, for what only time could otherwise show (a due date passing). */
  async database(service: ServiceName): Promise<Client> {
    const url = new URL(testDatabaseServerUrl());
    url.pathname = `/${this.databaseName(service)}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    return client;
  }

  private spawn(service: ServiceName): void {
    const log = this.logs.get(service) ?? createWriteStream(join(LOG_DIR, `${service}.log`), { flags: 'w' });
    this.logs.set(service, log);
    const child = spawn(process.execPath, ['-r', './deploy/local/register-paths.cjs', `dist/services/${service}/src/main.js`], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        // The browser tests sign in on the local sign-in page.
        AUTH_LOCAL_SIGN_IN: 'true',
        PORT: String(BASE_PORT + SERVICES.indexOf(service)),
        HOST: '127.0.0.1',
        DATABASE_URL: testDatabaseServerUrl(),
        DATABASE_NAME: this.databaseName(service),
        KAFKA_BROKERS: this.broker.brokers.join(','),
        KAFKA_TOPIC_PARTITIONS: '3',
        OUTBOX_POLL_INTERVAL_MS: '50',
        LOG_LEVEL: 'warn',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        // The web front at the portal's address calls the agencies at theirs.
        CORS_ORIGINS: this.url('portal'),
        WEB_AGENCY_URLS: Object.entries(AGENCY_SERVICES).map(([agency, name]) => `${agency}=${this.url(name)}`).join(','),
        // An e-permit's QR code opens the verification page of the front the portal serves.
        PUBLIC_WEB_URL: this.url('portal'),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    this.processes.set(service, child);
  }

  private async healthy(service: ServiceName): Promise<void> {
    await eventually(
      async () => {
        const child = this.processes.get(service);
        if (!child || child.exitCode !== null) throw new Error(`${service} exited (${child?.exitCode}); see .local/e2e-logs/${service}.log`);
        try {
          const response = await fetch(`${this.url(service)}/health`, { signal: AbortSignal.timeout(2_000) });
          await response.body?.cancel();
          return response.status === 200;
        } catch {
          return false;
        }
      },
      { what: `${service} to be healthy`, timeoutMs: 90_000, intervalMs: 250 },
    );
  }

  private databaseName(service: ServiceName): string {
    return `${this.run}_${service.replace(/-/g, '_')}`;
  }

  private async dropDatabases(): Promise<void> {
    const client = new Client({ connectionString: testDatabaseServerUrl() });
    await client.connect();
    try {
      for (const service of SERVICES) await client.query(`DROP DATABASE IF EXISTS "${this.databaseName(service)}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
}
