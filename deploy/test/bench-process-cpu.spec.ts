// The bench reads PostgreSQL's CPU as the sum over its live processes. Backends end when their
// connections close (a pool's idle ones, the bench's own): their time must stay counted, through the
// server process that waited for them. This runs `processTicks` of deploy/bench/lib/probes/processes.mjs
// on a shell that has run, and waited for, a child that used about half a second of CPU.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const processes = join(__dirname, '../bench/lib/probes/processes.mjs');

async function ticksOf(pid: number): Promise<number> {
  const script = `import { processTicks } from ${JSON.stringify(processes)}; console.log(String(processTicks(${JSON.stringify(String(pid))})));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  return Number(stdout);
}

describe("the bench's CPU of a process", () => {
  let shell: ChildProcess;

  afterEach(() => shell?.kill('SIGKILL'));

  it('counts the CPU of the children it has waited for', async () => {
    const burn = `const end = Date.now() + 500; while (Date.now() < end);`;
    // The shell itself uses almost nothing: it runs the child, waits for it, then says so and sleeps.
    shell = spawn('sh', ['-c', `${JSON.stringify(process.execPath)} -e ${JSON.stringify(burn)}; echo reaped; sleep 30`], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise<void>((resolve) => shell.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('reaped') && resolve()));

    // 100 ticks a second: the child's half second is about 50, the shell's own a tick or two.
    expect(await ticksOf(shell.pid!)).toBeGreaterThanOrEqual(35);
  });
});
