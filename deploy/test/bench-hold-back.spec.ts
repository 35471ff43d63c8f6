// The bench's intake phase stops the other services' processes (SIGSTOP) so the portal is measured
// alone. This runs `holdBack` of deploy/bench/lib/probes/processes.mjs against a stand-in service
// process and reads the kernel's state of it: stopped while held, running again after.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const processes = join(__dirname, '../bench/lib/probes/processes.mjs');
const SERVICE = 'bench-hold-back-probe';

/** The process state letter from /proc: T when stopped by a signal. */
function stateOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
}

/**
 * Runs `holdBack([SERVICE])` in a child bench process, then `then` (JavaScript) with the hold as `hold`.
 * It prints strings only: under FORCE_COLOR (as Nx runs tests) console.log colours a number.
 */
function bench(then: string) {
  const script = `import { holdBack } from ${JSON.stringify(processes)}; const hold = holdBack([${JSON.stringify(SERVICE)}]); console.log(String(hold.held)); ${then}`;
  return run(process.execPath, ['--input-type=module', '-e', script]);
}

describe("the bench's holding back of the other services", () => {
  let service: ChildProcess;

  beforeEach(async () => {
    // A process whose command line names the service's built main, as `npm start` runs it.
    service = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', `dist/services/${SERVICE}/src/main.js`], { stdio: 'ignore' });
    await new Promise((resolve) => service.once('spawn', resolve));
  });

  afterEach(() => {
    service.kill('SIGCONT');
    service.kill('SIGKILL');
  });

  it('stops the service while held and continues it on release', async () => {
    const [held, during, after] = (
      await bench(
        // A signal is delivered asynchronously: the state is read until it shows (at most 2 s).
        `const { readFileSync } = await import('node:fs');
         const state = () => readFileSync('/proc/${service.pid}/stat', 'utf8').split(') ')[1][0];
         const until = async (shows) => { for (let i = 0; i < 200 && !shows(state()); i++) await new Promise((r) => setTimeout(r, 10)); return state(); };
         console.log(await until((s) => s === 'T')); hold.release(); console.log(await until((s) => s !== 'T'));`,
      )
    ).stdout
      .trim()
      .split('\n');
    expect(held).toBe('1');
    expect(during).toBe('T');
    expect(after).not.toBe('T');
    expect(stateOf(service.pid!)).not.toBe('T');
  });

  it('continues the service when the bench exits without releasing it', async () => {
    const { stdout } = await bench('process.exitCode = 0;');
    expect(stdout.trim()).toBe('1');
    expect(stateOf(service.pid!)).not.toBe('T');
  });

  it('holds nothing of another service', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', `import { holdBack } from ${JSON.stringify(processes)}; const hold = holdBack(['portal-of-another-bench']); console.log(String(hold.held)); hold.release();`]);
    expect(stdout.trim()).toBe('0');
    expect(stateOf(service.pid!)).not.toBe('T');
  });
});
