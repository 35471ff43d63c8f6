// npm run bench [-- --quick] [--rate 20] [--concurrency 32] [--cpu-prof] …   (--help lists every setting)
// The whole pipeline against its ceilings, on this machine, in one run: realistic cases through the
// portal (closed loop at --concurrency, open loop at --rate), completion read from the agencies'
// topics, per-service rates, lag, CPU and memory; beside them raw kafkajs, PostgreSQL commits, the
// portal's intake alone and the shared record's replay. Writes bench/results/<stamp>-<mode>.{json,md}.
// Uses the services on 127.0.0.1:3000–3005 when they answer; otherwise starts them for the run.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../local/infra.mjs';
import { CategoryCOfficer, SupplementAnswerer } from './lib/case-actors.mjs';
import { CaseTracker, EVENT_TOPICS } from './lib/case-tracker.mjs';
import { kafkaCeiling } from './lib/ceilings/kafka.mjs';
import { benchKafka } from './lib/kafka-client.mjs';
import { postgresCeiling } from './lib/ceilings/postgres.mjs';
import { replayRate } from './lib/ceilings/replay.mjs';
import { closedLoop, drain, intakeOnly, openLoop, Submitter } from './lib/drivers.mjs';
import { caseFigures, completionRate, idleFigures, resourceFigures } from './lib/figures.mjs';
import { parseOptions } from './lib/options.mjs';
import { databaseServerUrl, kafkaBrokers, PROFILE_INTERVAL_US, startPlatform, stopPlatform, survey } from './lib/platform.mjs';
import { PortalClient } from './lib/portal-client.mjs';
import { LagProbe } from './lib/probes/kafka-lag.mjs';
import { GaugeSampler, SERVICES } from './lib/probes/metrics.mjs';
import { DatabaseProbe, serverFacts } from './lib/probes/postgres.mjs';
import { holdBack, kafkaPids, servicePids } from './lib/probes/processes.mjs';
import { difference, snapshot } from './lib/probes/snapshot.mjs';
import { perfUnavailable, startMachineProfile, summariseMachineProfile, threadOwners } from './lib/profile/machine-profile.mjs';
import { summariseProfiles } from './lib/profile/summarise.mjs';
import { machineFacts, sourceState, versions } from './lib/report/machine.mjs';
import { busiestByCpu, summarise } from './lib/report/summary.mjs';
import { writeReports } from './lib/report/write.mjs';
import { latencySummary, round } from './lib/stats.mjs';
import { Workload } from './lib/workload.mjs';

// The replay reads every topic from offset 0, so its time grows with the broker's history.
const QUICK_REPLAY_MAX_EVENTS = 5_000;
const PG_CEILING_CLIENTS = 8;
/** How long the intake phase waits at least for its backlog: the held-back services then take every case it accepted. */
const INTAKE_DRAIN_SECONDS = 120;
const log = (message) => console.log(`[bench] ${message}`);
const startedAtMs = performance.now();
const elapsed = () => `${Math.round((performance.now() - startedAtMs) / 1000)} s`;

let options;
try {
  options = parseOptions();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const outDir = path.resolve(repoRoot, options.out);
const serverUrl = databaseServerUrl();
const brokers = kafkaBrokers();
const results = {
  startedAt: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  options: { ...options, skip: [...options.skip] },
  machine: machineFacts(repoRoot),
  source: sourceState(repoRoot),
  settings: { kafkaBrokers: brokers, databaseServer: serverUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@') },
  phases: {},
  ceilings: {},
  errors: [],
};

let platform;
let stopping = false;
async function stopStartedPlatform() {
  if (!platform || stopping) return;
  stopping = true;
  log('stopping the services the bench started');
  await stopPlatform(platform);
}
process.once('SIGINT', () => {
  log('interrupted');
  void stopStartedPlatform().then(() => process.exit(130));
});

/** Runs one part of the bench; a failure is recorded and the rest still runs. */
async function step(name, work) {
  if (options.skip.has(name.split(':')[0])) {
    log(`${name}: skipped (--skip)`);
    return undefined;
  }
  try {
    return await work();
  } catch (error) {
    log(`${name} failed: ${error.stack ?? error.message}`);
    results.errors.push({ step: name, error: error.message });
    return undefined;
  }
}

async function usePlatform() {
  const found = await survey();
  if (found.listening.length === SERVICES.length) {
    if (found.unhealthy.length > 0) throw new Error(`services answer but are not healthy: ${found.unhealthy.join(', ')}`);
    log('using the services already running on 3000–3005');
    if (options.cpuProf) log('--cpu-prof: ignored, the bench profiles only services it starts itself');
    results.platform = { startedByBench: false };
    return;
  }
  if (found.listening.length > 0) {
    // Starting the rest would start nothing twice only by luck: npm start refuses busy ports anyway.
    throw new Error(`only some services answer (${found.listening.join(', ')}); stop them or start the rest, then run the bench again`);
  }
  const profileDir = options.cpuProf ? path.join(outDir, 'profiles', stamp) : undefined;
  platform = await startPlatform({ repoRoot, logFile: path.join(repoRoot, '.local/bench/services.log'), profileDir, log });
  results.platform = { startedByBench: true, bootSeconds: platform.bootSeconds, profileDir: profileDir && path.relative(repoRoot, profileDir), profileIntervalUs: profileDir && PROFILE_INTERVAL_US };
  log(`platform healthy after ${platform.bootSeconds} s`);
}

async function main() {
  await usePlatform();
  const pgFacts = await serverFacts(serverUrl);
  results.versions = versions(repoRoot, pgFacts.version);
  results.settings.postgres = pgFacts.settings;
  results.settings.services = {
    KAFKA_TOPIC_PARTITIONS: process.env.KAFKA_TOPIC_PARTITIONS ?? '6 (default)',
    KAFKA_PARTITIONS_CONCURRENCY: process.env.KAFKA_PARTITIONS_CONCURRENCY ?? '3 (default)',
    KAFKA_CASE_CONCURRENCY: process.env.KAFKA_CASE_CONCURRENCY ?? '8 (default)',
    OUTBOX_POLL_INTERVAL_MS: process.env.OUTBOX_POLL_INTERVAL_MS ?? '200 (default)',
    KAFKA_OFFSET_COMMIT_INTERVAL_MS: process.env.KAFKA_OFFSET_COMMIT_INTERVAL_MS ?? '1000 (default)',
    note: results.platform.startedByBench ? 'as npm start sets them, LOG_LEVEL=warn' : 'whatever the running services were started with; the values shown are this shell’s',
  };

  const kafka = benchKafka('bench', brokers.split(','));
  const lag = new LagProbe(kafka, { intervalMs: 2_000 });
  await lag.connect();
  const database = await DatabaseProbe.connect(serverUrl);
  const ctx = { repoRoot, database };
  database.startSampling(2_000);
  const drainDeadline = (seconds = options.drainTimeout) => performance.now() + seconds * 1000;

  const before = await lag.waitForZero(drainDeadline(options.mode === 'quick' ? 20 : 120), (total) => log(`waiting for the services to catch up: consumer lag ${total}`));
  results.initialLag = before.total;
  if (before.total > 0) log(`starting with a consumer lag of ${before.total}: figures will include an earlier backlog`);

  const runTag = `B${randomBytes(3).toString('hex').toUpperCase()}`;
  const portal = new PortalClient({ runTag });
  const workload = await Workload.load(portal, { seed: options.seed, runTag });
  const officer = new CategoryCOfficer(portal);
  const answerer = new SupplementAnswerer(portal, workload);
  const tracker = new CaseTracker(kafka, { caseTimeoutMs: options.caseTimeout * 1000, actors: [officer, answerer] });
  await tracker.start();
  const submitter = new Submitter({ portal, workload, tracker });
  const gauges = new GaugeSampler(3_000);
  await gauges.calibrate();
  results.idleScrapeMs = gauges.idleScrapeMs;
  gauges.start();
  lag.startSampling();
  const runStart = await snapshot(ctx);

  /** Drives one load phase, waits for its cases, and measures everything across it. */
  async function pipelinePhase(name, drive, drainSeconds = options.drainTimeout) {
    gauges.takePhasePeaks();
    lag.takePhasePeaks();
    const start = await snapshot(ctx);
    const driver = await drive();
    const { open } = await drain(tracker, name, drainDeadline(drainSeconds));
    const drainedAt = performance.now();
    const end = await snapshot(ctx);
    const cases = tracker.casesOf(name);
    const figures = caseFigures(cases, submitter.failures.filter((f) => f.phase === name));
    return {
      cases,
      driver,
      drainedAt,
      figures: {
        ...figures,
        undecidedAfterDrain: open,
        resources: resourceFigures(difference(start, end), figures.decided),
        peaks: { memory: gauges.takePhasePeaks(), lag: lag.takePhasePeaks() },
      },
    };
  }

  /**
   * With --perf: the whole machine's CPU recorded over `phase` (its load and drain), summarised by
   * process and kind of work; `finish(decided)` stops it and gives the summary (or why there is none).
   */
  function startMachineProfileOf(phase) {
    if (!options.perf) return undefined;
    const unavailable = perfUnavailable();
    if (unavailable) {
      log(`--perf: not recorded (${unavailable})`);
      return { finish: async () => ({ phase, unavailable }) };
    }
    const file = path.join(outDir, 'profiles', `${stamp}-${phase}.perf.data`);
    mkdirSync(path.dirname(file), { recursive: true });
    const processes = () => ({
      ...Object.fromEntries(SERVICES.map((service) => [service.name, servicePids([service.name])])),
      'Kafka broker': kafkaPids(repoRoot),
      bench: [String(process.pid)],
    });
    const owners = threadOwners(processes());
    const recording = startMachineProfile(file);
    return {
      // Never throws: a profile that could not be read must not hide the phase's own outcome.
      async finish(decided) {
        try {
          await recording.stop();
          // Threads started meanwhile (a pool's new worker) are owned too.
          threadOwners(processes(), owners);
          const summary = summariseMachineProfile(file, owners, { nodeOwners: new Set([...SERVICES.map((service) => service.name), 'bench']) });
          return { phase, file: path.relative(repoRoot, file), decided, ...summary };
        } catch (error) {
          log(`--perf: no summary (${error.message})`);
          return { phase, unavailable: error.message };
        }
      },
    };
  }

  try {
    await step('warmup', async () => {
      log(`warm-up: ${options.warmup} s closed loop at 4 (${elapsed()})`);
      const { figures } = await pipelinePhase('warmup', () => closedLoop(submitter, { phase: 'warmup', concurrency: 4, durationS: options.warmup }));
      results.phases.warmup = { submitted: figures.submitted, decided: figures.decided, latencyMs: figures.latencyMs };
      if (figures.decided === 0) throw new Error(`no warm-up case was decided (${figures.submitted} submitted, refusals: ${JSON.stringify(figures.refusals)})`);
    });
    results.envelope = tracker.envelopeSize();

    // What the platform costs between bursts: after the warm-up's work has drained, nothing submitted.
    // The bench's own probes keep running (each service's /metrics every 3 s, the lag every 2 s).
    await step('idle', async () => {
      await lag.waitForZero(drainDeadline());
      log(`idle: ${options.idle} s with nothing submitted (${elapsed()})`);
      const start = await snapshot(ctx);
      await new Promise((resolve) => setTimeout(resolve, options.idle * 1000));
      results.idle = idleFigures(difference(start, await snapshot(ctx)));
      log(`idle: the services ${results.idle.cpuMsPerSecond.services} ms of CPU a second, the broker ${results.idle.cpuMsPerSecond.kafka}`);
    });

    await step('ceilings', async () => {
      await lag.waitForZero(drainDeadline());
      const envelopeBytes = results.envelope.meanBytes || 600;
      log(`ceiling: raw kafkajs, ${options.kafkaMessages} messages of ${envelopeBytes} bytes (${elapsed()})`);
      results.ceilings.kafka = await kafkaCeiling(kafka, { messages: options.kafkaMessages, batchSize: 100, envelopeBytes, singleSends: options.mode === 'quick' ? 300 : 1_000 });
      // The services' pools (DATABASE_POOL_SIZE each) can hold every connection the server allows.
      const free = await database.waitForFreeConnections(PG_CEILING_CLIENTS + 4, drainDeadline(30));
      if (free < PG_CEILING_CLIENTS) throw new Error(`PostgreSQL has ${free} connections to spare, the ceiling needs ${PG_CEILING_CLIENTS}`);
      log(`ceiling: PostgreSQL single-row commits, ${options.pgSeconds} s each at 1 and ${PG_CEILING_CLIENTS} clients (${elapsed()})`);
      results.ceilings.postgres = await postgresCeiling(serverUrl, { clientCounts: [1, PG_CEILING_CLIENTS], seconds: options.pgSeconds });
    });

    let closedThroughput;
    await step('closed', async () => {
      log(`closed loop: ${options.concurrency} cases in flight for ${options.duration} s (${elapsed()})`);
      const machineProfile = startMachineProfileOf('closed');
      let phase;
      try {
        phase = await pipelinePhase('closed', () => closedLoop(submitter, { phase: 'closed', concurrency: options.concurrency, durationS: options.duration }));
      } finally {
        results.machineProfile = await machineProfile?.finish(phase?.figures.decided);
      }
      const { cases, driver, figures } = phase;
      // The first fifth fills the pipeline; throughput is counted over the rest of the submitting window.
      const from = driver.startedAt + (driver.submittingEndedAt - driver.startedAt) * 0.2;
      const sustained = completionRate(cases, from, driver.submittingEndedAt);
      closedThroughput = sustained.perSecond;
      results.phases.closed = { concurrency: options.concurrency, durationS: options.duration, sustained, ...figures };
      log(`closed loop: ${sustained.perSecond} cases/s, p99 ${figures.latencyMs.p99} ms`);
    });

    await step('open', async () => {
      const maxInFlight = options.maxInFlight ?? (closedThroughput ? Math.max(20, Math.ceil(closedThroughput * (options.mode === 'quick' ? 10 : 20))) : options.concurrency * 4);
      const runOpen = async (name, rate) => {
        log(`open loop: ${rate} cases/s for ${options.duration} s, stopping past ${maxInFlight} undecided (${elapsed()})`);
        const { cases, driver, figures } = await pipelinePhase(name, () => openLoop(submitter, tracker, { phase: name, rate, durationS: options.duration, maxInFlight }));
        const lastCompletion = Math.max(driver.submittingEndedAt, ...cases.filter((c) => c.completedAt).map((c) => c.completedAt));
        const submittingSeconds = (driver.submittingEndedAt - driver.startedAt) / 1000;
        results.phases[name] = {
          rate,
          durationS: options.duration,
          maxInFlight,
          offered: driver.offered,
          submittedPerSecond: round(driver.offered / submittingSeconds, 2),
          saturatedAfterS: driver.saturatedAfterS === undefined ? undefined : round(driver.saturatedAfterS),
          completion: completionRate(cases, driver.startedAt, lastCompletion),
          ...figures,
        };
        log(`open loop at ${rate}/s: ${driver.saturatedAfterS === undefined ? 'kept up' : `saturated after ${round(driver.saturatedAfterS)} s`}, p99 ${figures.latencyMs.p99} ms`);
        return driver.saturatedAfterS !== undefined;
      };
      const saturated = await runOpen('open', options.rate);
      if (saturated && closedThroughput) {
        await lag.waitForZero(drainDeadline());
        await runOpen('open-sustainable', round(Math.max(0.2, closedThroughput * options.sustainableShare), 1));
      }
    });

    await step('replay', async () => {
      await lag.waitForZero(drainDeadline());
      // What the rebuild replays: the events topics (it reads no documents).
      const events = await lag.topicMessages(EVENT_TOPICS);
      if (options.mode === 'quick' && events > QUICK_REPLAY_MAX_EVENTS) {
        results.ceilings.replay = { ok: false, skipped: `the topics hold ${events} events; a quick run replays at most ${QUICK_REPLAY_MAX_EVENTS}` };
        log(`replay: skipped, ${events} events on the topics (a quick run replays at most ${QUICK_REPLAY_MAX_EVENTS})`);
        return;
      }
      log(`replay: npm run sharing:rebuild into a scratch database; the topics hold ${events} events (${elapsed()})`);
      results.ceilings.replay = await replayRate({ repoRoot, serverUrl, kafkaBrokers: brokers, timeoutS: options.replayTimeout });
      const replay = results.ceilings.replay;
      log(replay.ok ? `replay: ${replay.read} events read in ${replay.seconds} s` : `replay: did not finish (${replay.timedOut ? 'timed out' : replay.error})`);
    });

    await step('intake', async () => {
      await lag.waitForZero(drainDeadline());
      // The other services are stopped while the portal takes the cases, so the figure is the portal's
      // alone; they take the backlog afterwards, and how fast they drain it is measured too.
      const others = SERVICES.map((service) => service.name).filter((name) => name !== 'portal');
      log(`intake alone: POST /api/cases, ${options.intakeConcurrency} at a time for ${options.intakeDuration} s, ${others.join(', ')} held back (${elapsed()})`);
      /** @type {Awaited<ReturnType<typeof intakeOnly>>} */
      let intake;
      let heldBack = 0;
      // The backlog the held services find is several times what they decide in a drain timeout; a run
      // that left it would hand it to the next run's warm-up: the phase waits for it longer.
      const { cases, figures, drainedAt } = await pipelinePhase('intake', async () => {
        const hold = holdBack(others);
        heldBack = hold.held;
        try {
          intake = await intakeOnly(submitter, { phase: 'intake', concurrency: options.intakeConcurrency, durationS: options.intakeDuration });
        } finally {
          hold.release();
        }
        return intake;
      }, Math.max(options.drainTimeout, INTAKE_DRAIN_SECONDS));
      const seconds = (intake.endedAt - intake.startedAt) / 1000;
      // Over the whole wait when the backlog outlasted it (then the rate is of what was decided by then).
      const lastCompletion = figures.undecidedAfterDrain > 0 ? drainedAt : Math.max(intake.endedAt, ...cases.filter((c) => c.completedAt).map((c) => c.completedAt));
      results.phases.intake = {
        concurrency: options.intakeConcurrency,
        durationS: options.intakeDuration,
        accepted: intake.accepted,
        failed: intake.failed,
        requestsPerSecond: round(intake.accepted / seconds, 1),
        requestMs: latencySummary(intake.submitMs),
        // Processes of the other services found on this machine and stopped during the phase (none when they run elsewhere).
        heldBack,
        // The accepted cases still flow through every agency; how fast that backlog drains is the pipeline at saturation.
        backlogDrain: completionRate(cases, intake.endedAt, lastCompletion),
        ...figures,
      };
      log(`intake: ${results.phases.intake.requestsPerSecond} requests/s, p99 ${results.phases.intake.requestMs.p99} ms`);
    });
  } finally {
    const decided = [...tracker.cases.values()].filter((c) => c.outcome === 'decided').length;
    const runEnd = await snapshot(ctx).catch(() => undefined);
    if (runEnd) results.wholeRun = resourceFigures(difference(runStart, runEnd), decided);
    gauges.stop();
    results.peaks = { memory: gauges.run, lag: lag.peaks };
    results.actors = { officerApprovals: officer.approved, officerRefusals409: officer.refusals, officerErrors: officer.errors, supplementsAnswered: answerer.answered, supplementErrors: answerer.errors };
    results.envelope = tracker.envelopeSize();
    await tracker.stop().catch(() => undefined);
    results.finalLag = await lag.measure().catch(() => undefined);
    await lag.disconnect().catch(() => undefined);
    results.connections = database.connectionPeaks;
    await database.close().catch(() => undefined);
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  log(`failed: ${error.stack ?? error.message}`);
  results.errors.push({ step: 'bench', error: error.message });
  exitCode = 1;
} finally {
  await stopStartedPlatform();
}
if (results.platform?.profileDir) {
  results.profile = summariseProfiles(path.join(repoRoot, results.platform.profileDir), { prefer: busiestByCpu(results.wholeRun) });
}
results.finishedAt = new Date().toISOString();
results.wallSeconds = round((performance.now() - startedAtMs) / 1000);
results.summary = summarise(results);
if (results.versions) {
  const { markdown, files } = writeReports(results, { outDir, stamp, repoRoot });
  console.log(`\n${markdown}`);
  log(`reports: ${files.join(', ')} (${results.wallSeconds} s)`);
}
process.exit(exitCode || (results.errors.length > 0 ? 1 : 0));
