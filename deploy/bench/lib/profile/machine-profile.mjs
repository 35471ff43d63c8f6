// Where the whole machine's CPU goes, by process and by kind of work: `perf record` of every core's
// cpu-clock, which samples a thread only while it runs. V8's profiler (--cpu-prof) samples wall-clock
// time: on a saturated machine it counts a process that waits for a core where it stands, mostly in
// its socket writes, which then look like a third of a service's time when the kernel, every system
// call included, is 6–13 % of its CPU.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PERF_FREQUENCY_HZ = 499;

/** What a Node.js process's samples are spent on, in the order the report shows them. */
export const NODE_KINDS = ['javascript', 'builtins', 'runtime', 'gc', 'kernel', 'native', 'helperGc', 'helperCompiler', 'otherThreads'];

const GARBAGE_COLLECTION = /Scaveng|MarkCompact|Marking|Sweep|Evacuat|RememberedSet|MinorMS|GCTracer|Heap::Collect|Heap::Perform/;
const COMPILER = /compiler::|maglev::|turboshaft::|Compil|Pipeline|LiveRange|RegisterAlloc|Graph(Reducer|Builder)/;

/** Why `perf` cannot record the whole machine here, or undefined when it can. */
export function perfUnavailable() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-perf-'));
  try {
    const probe = spawnSync('perf', ['record', '-q', '-a', '-e', 'cpu-clock', '-o', path.join(scratch, 'probe.data'), '--', 'true'], { encoding: 'utf8' });
    if (probe.error) return /** @type {NodeJS.ErrnoException} */ (probe.error).code === 'ENOENT' ? 'perf is not installed' : probe.error.message;
    return probe.status === 0 ? undefined : (probe.stderr.trim().split('\n')[0] ?? `perf exited with ${probe.status}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Starts recording every core into `file`; `stop()` ends the recording and resolves once it is written. */
export function startMachineProfile(file) {
  const perf = spawn('perf', ['record', '-q', '-a', '-e', 'cpu-clock', '-F', String(PERF_FREQUENCY_HZ), '-o', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  perf.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => perf.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    async stop() {
      perf.kill('SIGINT');
      const { code, signal } = await exited;
      if (code !== 0 && signal !== 'SIGINT') throw new Error(`perf record ended with ${code ?? signal}: ${stderr.trim()}`);
    },
  };
}

/** Thread id → owner (a service's name, `Kafka broker`, `bench`) for the given processes' threads now. */
export function threadOwners(processesByOwner, owners = new Map()) {
  for (const [owner, pids] of Object.entries(processesByOwner)) {
    for (const pid of pids) {
      let tids;
      try {
        tids = readdirSync(`/proc/${pid}/task`);
      } catch {
        continue; // Gone.
      }
      for (const tid of tids) owners.set(Number(tid), owner);
    }
  }
  return owners;
}

/** One `perf script -F comm,tid,ip,sym,dso` line as `{ comm, tid, sym, dso }`, or undefined. */
export function parseSample(line) {
  const match = /^\s*(.*?)\s+(\d+)\s+[0-9a-f]+\s+(.*?)\s+\(([^)]*)\)\s*$/.exec(line);
  return match ? { comm: match[1], tid: Number(match[2]), sym: match[3], dso: match[4] } : undefined;
}

/** What a sample of a Node.js process was doing (`NODE_KINDS`). */
export function nodeKindOf({ comm, sym, dso }) {
  // Node 24 names its main thread MainThread; V8's platform threads mark, sweep, scavenge and compile.
  if (comm !== 'MainThread' && comm !== 'node') {
    if (!comm.startsWith('V8')) return 'otherThreads';
    return COMPILER.test(sym) ? 'helperCompiler' : 'helperGc';
  }
  if (dso === '[kernel.kallsyms]') return 'kernel';
  // Code V8 compiled at run time lives in anonymous mappings, named by a perf map when there is one.
  if (/\.map$|^\[JIT\]|^\/\/anon|^\[unknown\]$/.test(dso)) return 'javascript';
  if (sym.startsWith('Builtins_')) return 'builtins';
  if (GARBAGE_COLLECTION.test(sym)) return 'gc';
  if (/v8::|^Builtin_|^Runtime_/.test(sym)) return 'runtime';
  return 'native';
}

/** Who a sample belongs to: its thread's owner, else PostgreSQL's backends by name, else `other`. */
export function ownerOf(sample, owners) {
  return owners.get(sample.tid) ?? (sample.comm === 'postgres' ? 'PostgreSQL' : 'other');
}

/**
 * The samples by owner, each Node.js owner's (`nodeOwners`) also by kind. Each sample is 1/frequency
 * of a core's time.
 */
export function summariseSamples(samples, owners, { nodeOwners, frequencyHz = PERF_FREQUENCY_HZ }) {
  const byOwner = new Map();
  for (const sample of samples) {
    const owner = ownerOf(sample, owners);
    let entry = byOwner.get(owner);
    if (!entry) byOwner.set(owner, (entry = { owner, samples: 0, kinds: nodeOwners.has(owner) ? Object.fromEntries(NODE_KINDS.map((kind) => [kind, 0])) : undefined }));
    entry.samples += 1;
    if (entry.kinds) entry.kinds[nodeKindOf(sample)] += 1;
  }
  const total = samples.length;
  return {
    frequencyHz,
    samples: total,
    cpuSeconds: round(total / frequencyHz),
    owners: [...byOwner.values()]
      .sort((a, b) => b.samples - a.samples)
      .map(({ owner, samples: n, kinds }) => ({
        owner,
        cpuSeconds: round(n / frequencyHz),
        percentOfMachine: round((100 * n) / total),
        kinds: kinds && Object.fromEntries(Object.entries(kinds).map(([kind, k]) => [kind, round((100 * k) / n)])),
      })),
  };
}

/** Reads `file` back (`perf script`) and summarises it; `owners` as `threadOwners` gives. */
export function summariseMachineProfile(file, owners, { nodeOwners }) {
  const script = spawnSync('perf', ['script', '-i', file, '-F', 'comm,tid,ip,sym,dso'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (script.status !== 0) throw new Error(`perf script failed: ${script.stderr.trim().split('\n')[0]}`);
  const samples = script.stdout.split('\n').map(parseSample).filter(Boolean);
  return summariseSamples(samples, owners, { nodeOwners });
}

const round = (value) => Math.round(value * 10) / 10;
