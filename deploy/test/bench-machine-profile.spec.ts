// The bench's --perf summary (deploy/bench/lib/profile/machine-profile.mjs) reads `perf script` lines
// and gives each sample to a process and, in a Node.js process, to a kind of work. The module is plain
// ESM, so a child Node.js process runs it on lines as perf writes them and prints what it made of them.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const machineProfile = join(__dirname, '../bench/lib/profile/machine-profile.mjs');

/** Runs `body` (JavaScript, the module imported as `m`) in a child process; returns what it printed, parsed. */
async function withModule<T>(body: string): Promise<T> {
  const script = `import * as m from ${JSON.stringify(machineProfile)}; const out = await (async () => { ${body} })(); process.stdout.write(JSON.stringify(out));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(stdout) as T;
}

// `perf script -F comm,tid,ip,sym,dso` lines: a comm may hold spaces, a symbol templates and spaces.
const LINES = [
  '      MainThread 13097           1ae1f87 Builtins_LoadIC (/root/.cache/node/bin/node)',
  '      MainThread 13097      7f5d9fc7afe0 [unknown] (/tmp/perf-13097.map)',
  '      MainThread 13097      7f5d9fc7afe0 [unknown] ([unknown])',
  '      MainThread 13097           2b1c000 v8::internal::Scavenger::ScavengeObject<v8::internal::FullHeapObjectSlot> (/root/.cache/node/bin/node)',
  '      MainThread 13097           2b1c100 v8::internal::StringTable::Data::TryStringToIndexOrLookupExisting<unsigned char> (/root/.cache/node/bin/node)',
  '      MainThread 13097           2b1c200 deflate_slow (/root/.cache/node/bin/node)',
  '      MainThread 13097  ffffffff81675d52 _raw_spin_unlock_irqrestore ([kernel.kallsyms])',
  '        V8Worker 13098           2b1c300 v8::internal::compiler::GraphReducer::ReduceTop (/root/.cache/node/bin/node)',
  '        V8Worker 13098           2b1c400 v8::internal::ConcurrentMarking::RunMajor (/root/.cache/node/bin/node)',
  '    libuv-worker 13099      7f00000000aa __libc_read (/usr/lib/x86_64-linux-gnu/libc.so.6)',
  '        postgres 13451      564cb2f95702 MemoryContextCreate (/usr/lib/postgresql/15/bin/postgres)',
  '     GC Thread#0  5200      7f12590f366d G1ScanCardClosure::do_oop_work<narrowOop> (/usr/lib/jvm/lib/server/libjvm.so)',
  '        kworker/0  77  ffffffff81000000 worker_thread ([kernel.kallsyms])',
];

describe("the bench's machine profile (--perf)", () => {
  it('reads a perf script line whatever spaces its thread name and symbol hold', async () => {
    const parsed = await withModule<unknown[]>(`return [${JSON.stringify(LINES[3])}, ${JSON.stringify(LINES[11])}, 'not a sample'].map(m.parseSample);`);
    expect(parsed).toEqual([
      { comm: 'MainThread', tid: 13097, sym: 'v8::internal::Scavenger::ScavengeObject<v8::internal::FullHeapObjectSlot>', dso: '/root/.cache/node/bin/node' },
      { comm: 'GC Thread#0', tid: 5200, sym: 'G1ScanCardClosure::do_oop_work<narrowOop>', dso: '/usr/lib/jvm/lib/server/libjvm.so' },
      null,
    ]);
  });

  it("names the kind of work of each of a Node.js process's samples", async () => {
    const kinds = await withModule<string[]>(`return ${JSON.stringify(LINES.slice(0, 10))}.map((line) => m.nodeKindOf(m.parseSample(line)));`);
    expect(kinds).toEqual(['builtins', 'javascript', 'javascript', 'gc', 'runtime', 'native', 'kernel', 'helperCompiler', 'helperGc', 'otherThreads']);
  });

  it('gives samples to their thread’s owner, PostgreSQL by name, the rest to other; kinds only for Node.js owners', async () => {
    const summary = await withModule<{
      samples: number;
      cpuSeconds: number;
      owners: { owner: string; cpuSeconds: number; percentOfMachine: number; kinds?: Record<string, number> }[];
    }>(
      `const owners = new Map([[13097, 'portal'], [13098, 'portal'], [13099, 'portal'], [5200, 'Kafka broker']]);
       return m.summariseSamples(${JSON.stringify(LINES)}.map(m.parseSample), owners, { nodeOwners: new Set(['portal']), frequencyHz: 10 });`,
    );
    expect(summary.samples).toBe(13);
    expect(summary.cpuSeconds).toBe(1.3);
    expect(summary.owners.map((o) => [o.owner, o.cpuSeconds, o.percentOfMachine])).toEqual([
      ['portal', 1, 76.9],
      ['PostgreSQL', 0.1, 7.7],
      ['Kafka broker', 0.1, 7.7],
      ['other', 0.1, 7.7],
    ]);
    expect(summary.owners[0].kinds).toEqual({ javascript: 20, builtins: 10, runtime: 10, gc: 10, kernel: 10, native: 10, helperGc: 10, helperCompiler: 10, otherThreads: 10 });
    expect(summary.owners.slice(1).every((o) => o.kinds === undefined)).toBe(true);
  });

  it("owns a running process's threads by its pid", async () => {
    const owners = await withModule<[number, string][]>(`return [...m.threadOwners({ bench: [String(process.pid)], gone: ['999999999'] })];`);
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.every(([, owner]) => owner === 'bench')).toBe(true);
  });
});
