// npm run soak -- --minutes N [--rate R] [--kill-every S] …   (--help lists every setting)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `usage: npm run soak -- --minutes N [--rate R] [--kill-every S] [--pause-max S] [--drain-timeout S]
                    [--sample-every S] [--seed N] [--chaos-seed N] [--skip-rebuild] [--out bench/results]
  --minutes        how long cases are offered (required)
  --rate           cases per second offered (default: the sustainable rate of the latest full bench in bench/results, else 2)
  --kill-every     seconds between kills (default: a random 60–120 s each time); each kill picks a random service
  --pause-max      a killed service is started again after a random 1 to this many seconds (default 10)
  --drain-timeout  seconds to wait after the last offer for every case to be decided (default 300)
  --sample-every   seconds between memory and lag samples (default 30)
  --seed           the cases' mix (default 1, as the bench)
  --chaos-seed     which services are killed when, and the pauses (default: a random one, printed in the report, to repeat a run)
  --skip-rebuild   leave out the rebuild of the shared record from the topics and its comparison with the live one`;

export const DEFAULT_RATE = 2;

/** The rate the latest full bench kept up with: its sustainable open loop, else 60 % of its closed loop. */
export function benchSustainableRate(resultsDir) {
  let files;
  try {
    files = readdirSync(resultsDir).filter((name) => name.endsWith('-full.json')).sort();
  } catch {
    return undefined;
  }
  for (const file of files.reverse()) {
    try {
      const results = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8'));
      const sustainable = results.phases?.['open-sustainable'];
      if (sustainable?.rate && sustainable.saturatedAfterS === undefined && sustainable.undecidedAfterDrain === 0) return { rate: sustainable.rate, from: `${file}: its sustainable open loop` };
      const open = results.phases?.open;
      if (open?.rate && open.saturatedAfterS === undefined) return { rate: open.rate, from: `${file}: its open loop kept up` };
      const closed = results.phases?.closed?.sustained?.perSecond;
      if (closed) return { rate: Math.round(closed * 0.6 * 10) / 10, from: `${file}: 60 % of its closed loop (${closed}/s)` };
    } catch {
      // A report being written, or of another shape: the next older one.
    }
  }
  return undefined;
}

export function parseOptions(argv, { resultsDir }) {
  const numeric = ['minutes', 'rate', 'kill-every', 'pause-max', 'drain-timeout', 'sample-every', 'seed', 'chaos-seed'];
  const { values } = parseArgs({
    args: argv,
    options: {
      'skip-rebuild': { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results' },
      help: { type: 'boolean', default: false },
      ...Object.fromEntries(numeric.map((name) => [name, { type: 'string' }])),
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const options = { minutes: undefined, rate: undefined, killEvery: undefined, pauseMax: 10, drainTimeout: 300, sampleEvery: 30, seed: 1, skipRebuild: values['skip-rebuild'], out: values.out };
  for (const name of numeric) {
    if (values[name] === undefined) continue;
    const value = Number(values[name]);
    if (!(value > 0)) throw new Error(`--${name} must be a positive number\n${USAGE}`);
    options[name.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = value;
  }
  options.chaosSeed ??= 1 + Math.floor(Math.random() * 1_000_000);
  if (options.minutes === undefined) throw new Error(`--minutes is required\n${USAGE}`);
  if (options.rate === undefined) {
    const fromBench = benchSustainableRate(resultsDir);
    options.rate = fromBench?.rate ?? DEFAULT_RATE;
    options.rateFrom = fromBench?.from ?? `no full bench report in ${path.basename(resultsDir)}: the default ${DEFAULT_RATE}/s`;
  } else options.rateFrom = '--rate';
  options.killSchedule = options.killEvery === undefined ? 'a random 60–120 s' : `every ${options.killEvery} s`;
  return options;
}
