// CPU time of what shares the machine with the services: the broker, PostgreSQL, the bench itself
// and the machine as a whole, read from /proc (services report theirs in /metrics).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100;

/**
 * The process's CPU ticks (user and system) and those of its children it has waited for: PostgreSQL's
 * backends end when their connections close, and the server process that reaps them keeps their time,
 * so a sum over the live processes still counts what the ended ones used.
 */
export function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces, so fields are counted from its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  } catch {
    return 0;
  }
}

function processesWhere(predicate) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (predicate(entry)) pids.push(entry);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return pids;
}

const commOf = (pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
const cmdlineOf = (pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8');

/** The local broker's process (its pid file), else any java process running kafka.Kafka. */
export function kafkaPids(repoRoot) {
  const pidFile = path.join(repoRoot, '.local/kafka/kafka-9092.pid');
  if (existsSync(pidFile)) return [readFileSync(pidFile, 'utf8').trim()];
  return processesWhere((pid) => commOf(pid) === 'java' && cmdlineOf(pid).includes('kafka.Kafka'));
}

/** Cumulative CPU seconds: `{ machineBusy, machineTotal, kafka, postgres, bench }`. */
export function cpuSnapshot(repoRoot) {
  const [, ...cpu] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = cpu[3] + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  const usage = process.cpuUsage();
  return {
    machineBusy: (total - idle) / TICKS_PER_SECOND,
    machineTotal: total / TICKS_PER_SECOND,
    kafka: kafkaPids(repoRoot).reduce((sum, pid) => sum + processTicks(pid), 0) / TICKS_PER_SECOND,
    postgres: processesWhere((pid) => commOf(pid) === 'postgres').reduce((sum, pid) => sum + processTicks(pid), 0) / TICKS_PER_SECOND,
    bench: (usage.user + usage.system) / 1e6,
  };
}

export function cpuDeltas(before, after) {
  return Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]]));
}

/** The processes of the named services running on this machine, built (`npm start`) or from their sources (`start:watch`). */
export function servicePids(names) {
  const mains = names.flatMap((name) => [`dist/services/${name}/src/main.js`, `services/${name}/src/main.ts`]);
  // By the script it runs: Node 24 names its main thread `MainThread`, not `node`.
  return processesWhere((pid) => cmdlineOf(pid).split('\0').some((arg) => mains.some((main) => arg.endsWith(main))));
}

/**
 * Stops the named services' processes (SIGSTOP) until the returned `release` continues them (SIGCONT):
 * a phase can then measure one service without the others' work on the same cores. Also released when
 * the bench exits, so a failed run leaves nothing stopped. `held` lists the processes found.
 */
export function holdBack(names) {
  const pids = servicePids(names);
  const signal = (name) => {
    for (const pid of pids) {
      try {
        process.kill(Number(pid), name);
      } catch {
        // Gone since it was found.
      }
    }
  };
  const release = () => {
    process.off('exit', release);
    signal('SIGCONT');
  };
  process.on('exit', release);
  signal('SIGSTOP');
  return { held: pids.length, release };
}
