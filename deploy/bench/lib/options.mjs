// Command-line settings; --quick scales every phase down to a smoke run of under two minutes.
import { parseArgs } from 'node:util';

const FULL = {
  concurrency: 32,
  duration: 75,
  // Issue 14's latency target is at 20 cases/s offered.
  rate: 20,
  sustainableShare: 0.6,
  intakeConcurrency: 32,
  intakeDuration: 4,
  warmup: 10,
  idle: 20,
  kafkaMessages: 100_000,
  pgSeconds: 6,
  replayTimeout: 300,
  drainTimeout: 90,
  caseTimeout: 180,
};

const QUICK = {
  concurrency: 16,
  duration: 15,
  rate: 20,
  sustainableShare: 0.6,
  intakeConcurrency: 16,
  intakeDuration: 2,
  warmup: 4,
  idle: 10,
  kafkaMessages: 20_000,
  pgSeconds: 2,
  replayTimeout: 30,
  drainTimeout: 15,
  caseTimeout: 60,
};

const PHASES = ['warmup', 'idle', 'ceilings', 'closed', 'open', 'replay', 'intake'];

const USAGE = `usage: npm run bench [-- --quick] [--rate 20] [--concurrency 32] [--duration 75] [--max-in-flight N]
                     [--intake-concurrency 32] [--intake-duration 4] [--idle 20] [--kafka-messages 100000] [--pg-seconds 6]
                     [--replay-timeout 300] [--drain-timeout 90] [--case-timeout 180] [--sustainable-share 0.6] [--seed 1] [--cpu-prof] [--perf]
                     [--skip ${PHASES.join(',')}] [--out bench/results]`;

export function parseOptions(argv = process.argv.slice(2)) {
  const numeric = ['rate', 'concurrency', 'duration', 'max-in-flight', 'sustainable-share', 'intake-concurrency', 'intake-duration', 'warmup', 'idle', 'kafka-messages', 'pg-seconds', 'replay-timeout', 'drain-timeout', 'case-timeout', 'seed'];
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      perf: { type: 'boolean', default: false },
      skip: { type: 'string', default: '' },
      out: { type: 'string', default: 'bench/results' },
      help: { type: 'boolean', default: false },
      ...Object.fromEntries(numeric.map((name) => [name, { type: 'string' }])),
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const preset = values.quick ? QUICK : FULL;
  const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
  const options = { mode: values.quick ? 'quick' : 'full', cpuProf: values['cpu-prof'], perf: values.perf, out: values.out, ...preset, seed: 1, maxInFlight: undefined, skip: /** @type {Set<string>} */ (new Set()) };
  for (const name of numeric) {
    if (values[name] === undefined) continue;
    const value = Number(values[name]);
    if (!(value > 0)) throw new Error(`--${name} must be a positive number\n${USAGE}`);
    options[camel(name)] = value;
  }
  options.skip = new Set(values.skip.split(',').map((s) => s.trim()).filter(Boolean));
  const unknown = [...options.skip].filter((phase) => !PHASES.includes(phase));
  if (unknown.length > 0) throw new Error(`--skip knows ${PHASES.join(', ')}; not ${unknown.join(', ')}\n${USAGE}`);
  return options;
}
