import { eventually, testDatabaseServerUrl, testKafkaBrokers } from '@work-permit/testing';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const PORTAL = 'http://127.0.0.1:3000';

async function healthStatus(): Promise<number | undefined> {
  try {
    const response = await fetch(`${PORTAL}/health`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return undefined;
  }
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map(Number).filter(Boolean);
  } catch {
    return [];
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start supervisor', () => {
  let supervisor: ChildProcess;
  let output = '';
  let exitCode: number | null | undefined;

  beforeAll(() => {
    supervisor = spawn(process.execPath, ['deploy/local/start.mjs', '--only', 'portal'], {
      cwd: root,
      env: { ...process.env, KAFKA_BROKERS: testKafkaBrokers().join(','), DATABASE_URL: testDatabaseServerUrl(), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    supervisor.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    supervisor.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    supervisor.on('exit', (code) => (exitCode = code));
  });

  afterAll(() => {
    if (exitCode === undefined) supervisor.kill('SIGKILL');
  });

  it('builds and starts the service until /health answers 200', async () => {
    await eventually(async () => output.includes('all 1 services are healthy'), { what: 'the supervisor to report healthy services', timeoutMs: 120_000, intervalMs: 500 });
    expect(await healthStatus()).toBe(200);
  }, 130_000);

  it('restarts a service that dies', async () => {
    const [servicePid] = childPids(supervisor.pid!);
    expect(servicePid).toBeGreaterThan(0);
    process.kill(servicePid, 'SIGKILL');
    await eventually(async () => output.includes('portal exited'), { what: 'the supervisor to notice the death' });
    await eventually(async () => {
      const [restarted] = childPids(supervisor.pid!);
      return restarted !== undefined && restarted !== servicePid && (await healthStatus()) === 200;
    }, { what: 'the restarted service to be healthy', timeoutMs: 90_000, intervalMs: 500 });
  }, 100_000);

  it('stops every service on SIGTERM and exits cleanly', async () => {
    const services = childPids(supervisor.pid!);
    supervisor.kill('SIGTERM');
    await eventually(async () => exitCode !== undefined, { what: 'the supervisor to exit', timeoutMs: 40_000 });
    expect(exitCode).toBe(0);
    expect(services.filter(isAlive)).toEqual([]);
    expect(await healthStatus()).toBeUndefined();
  }, 50_000);
});
