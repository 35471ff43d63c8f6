// npm run soak -- --minutes N [--rate R] [--kill-every S] …   (--help lists every setting)
// Issue 16's soak run: the platform on the local broker and PostgreSQL, each service a process of its
// own; realistic cases (the bench's workload, drivers and case tracker) offered at a steady rate for N
// minutes while one service at a time is SIGKILLed and started again; then a drain and the count —
// submitted, decided, lost, decided twice — with memory and consumer lag over time, and the shared
// record rebuilt from the topics compared with the live one. Writes bench/results/<stamp>-soak.{json,md};
// exits 1 when a case is lost, an item decided twice, the rebuild differs or the run could not finish.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureInfrastructure, repoRoot } from '../local/infra.mjs';
import { CategoryCOfficer, SupplementAnswerer } from '../bench/lib/case-actors.mjs';
import { CaseTracker } from '../bench/lib/case-tracker.mjs';
import { drain, openLoop, Submitter } from '../bench/lib/drivers.mjs';
import { caseFigures } from '../bench/lib/figures.mjs';
import { benchKafka } from '../bench/lib/kafka-client.mjs';
import { survey } from '../bench/lib/platform.mjs';
import { PortalClient } from '../bench/lib/portal-client.mjs';
import { LagProbe } from '../bench/lib/probes/kafka-lag.mjs';
import { machineFacts, sourceState } from '../bench/lib/report/machine.mjs';
import { round } from '../bench/lib/stats.mjs';
import { Workload } from '../bench/lib/workload.mjs';
import { Chaos } from './lib/chaos.mjs';
import { DecisionLedger } from './lib/decision-ledger.mjs';
import { Fleet } from './lib/fleet.mjs';
import { parseOptions } from './lib/options.mjs';
import { rebuildCheck } from './lib/rebuild-check.mjs';
import { writeReports } from './lib/report.mjs';
import { FLAT_GROWTH, memoryVerdicts, Samplers, WARM_UP_S } from './lib/samplers.mjs';

const PHASE = 'soak';
// An actor keeps retrying (every 400 ms) for up to 10 minutes: a killed admin-approval or portal comes back well before.
const ACTOR_ATTEMPTS = 1_500;
const startedAtMs = performance.now();
const log = (message) => console.log(`[soak ${Math.round((performance.now() - startedAtMs) / 1000)} s] ${message}`);

let options;
try {
  options = parseOptions(process.argv.slice(2), { resultsDir: path.join(repoRoot, 'bench/results') });
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const results = {
  startedAt: new Date().toISOString(),
  command: `npm run soak -- ${process.argv.slice(2).join(' ')}`,
  options,
  machine: machineFacts(repoRoot),
  source: sourceState(repoRoot),
  memoryRule: { warmUpS: WARM_UP_S, flatGrowthPercent: FLAT_GROWTH * 100 },
  errors: [],
};

let infra;
let fleet;
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  log('stopping the services');
  await fleet?.stopAll().catch(() => undefined);
  await infra?.stop().catch(() => undefined);
}
process.once('SIGINT', () => {
  log('interrupted');
  void shutdown().then(() => process.exit(130));
});

async function main() {
  const found = await survey();
  if (found.listening.length > 0) {
    throw new Error(`services already answer on 3000–3005 (${found.listening.join(', ')}): the soak kills and restarts services, so it runs its own — stop them first`);
  }
  infra = await ensureInfrastructure({ log });
  fleet = new Fleet({ repoRoot, kafkaBrokers: infra.kafkaBrokers, databaseUrl: infra.databaseUrl, logDir: path.join(repoRoot, '.local/soak/logs'), log });
  fleet.build();
  log(`starting the six services, each a process of its own (logs in .local/soak/logs)`);
  await fleet.startAll();
  log('every service is healthy');

  const kafka = benchKafka('soak', infra.kafkaBrokers.split(','));
  const lag = new LagProbe(kafka, { intervalMs: options.sampleEvery * 1000 });
  await lag.connect();
  const before = await lag.waitForZero(performance.now() + 120_000, (total) => log(`waiting for the services to catch up: consumer lag ${total}`));
  results.initialLag = before.total;

  const runTag = `S${randomBytes(3).toString('hex').toUpperCase()}`;
  const portal = new PortalClient({ runTag });
  const workload = await Workload.load(portal, { seed: options.seed, runTag });
  const officer = new CategoryCOfficer(portal, { maxAttempts: ACTOR_ATTEMPTS });
  const answerer = new SupplementAnswerer(portal, workload, { maxAttempts: ACTOR_ATTEMPTS });
  const ledger = new DecisionLedger();
  const caseTimeoutMs = (options.minutes * 60 + options.drainTimeout + 600) * 1000;
  const tracker = new CaseTracker(kafka, { caseTimeoutMs, actors: [officer, answerer], observers: [ledger.observe] });
  await tracker.start();
  const submitter = new Submitter({ portal, workload, tracker });
  const loadStartedAt = performance.now();
  const samplers = new Samplers({ fleet, lag, intervalS: options.sampleEvery, since: loadStartedAt });
  const chaos = new Chaos(fleet, { killEvery: options.killEvery, pauseMax: options.pauseMax, seed: options.chaosSeed, log, since: loadStartedAt });

  try {
    samplers.start();
    chaos.start();
    log(`offering ${options.rate} cases/s for ${options.minutes} min (${options.rateFrom}); kills ${options.killSchedule}`);
    const progress = setInterval(() => {
      const cases = tracker.casesOf(PHASE);
      log(`${cases.length} submitted, ${cases.filter((t) => t.outcome === 'decided').length} decided, ${submitter.failures.length} refused or unanswered, ${chaos.kills.length} kills`);
    }, 30_000);
    const driver = await openLoop(submitter, tracker, { phase: PHASE, rate: options.rate, durationS: options.minutes * 60, maxInFlight: Number.POSITIVE_INFINITY });
    clearInterval(progress);
    log('offering stopped; no more kills (waiting for a service being restarted)');
    await chaos.stop();
    results.chaosFailures = chaos.failures;

    const drainStartedAt = performance.now();
    const { open } = await drain(tracker, PHASE, performance.now() + options.drainTimeout * 1000);
    results.drain = { seconds: round((performance.now() - drainStartedAt) / 1000), openAfter: open };
    log(open === 0 ? 'every submitted case decided' : `${open} cases still open after ${options.drainTimeout} s`);
    // Late copies of a decision (a relay sending again) would come now: let the services catch up first.
    const settled = await lag.waitForZero(performance.now() + 120_000);
    results.finalLag = settled.total;
    await sleep(5_000);
    samplers.stop();
    await samplers.sample();

    const cases = tracker.casesOf(PHASE);
    const figures = caseFigures(cases, submitter.failures);
    const caseIds = cases.map((t) => t.caseId);
    const decisions = ledger.countFor(caseIds);
    results.cases = {
      offered: driver.offered,
      submitted: figures.submitted,
      refused: figures.refused,
      refusals: figures.refusals,
      decided: figures.decided,
      lost: figures.submitted - figures.decided,
      ...decisions,
      latencyMs: figures.latencyMs,
      submitMs: figures.submitMs,
      mix: figures.mix,
      stuck: figures.stuck,
      stuckCaseIds: figures.stuckCaseIds,
      heldForJointReview: figures.heldForJointReview,
      submittingSeconds: round((driver.submittingEndedAt - driver.startedAt) / 1000),
    };
    results.actors = { officerApprovals: officer.approved, officerRefusals409: officer.refusals, officerErrors: officer.errors, supplementsAnswered: answerer.answered, supplementErrors: answerer.errors };
    results.kills = chaos.kills;
    results.unexpectedExits = fleet.unexpectedExits;
    results.samples = { memory: samplers.memory, lag: samplers.lagSeries };
    results.foreignConsumers = [...samplers.foreign.values()];
    if (results.foreignConsumers.length > 0) log(`other consumer groups read the platform's topics during the run: ${results.foreignConsumers.map((f) => f.group).join(', ')}`);
    results.memoryVerdicts = memoryVerdicts(samplers.memory);
    log(`submitted ${results.cases.submitted}, decided ${results.cases.decided}, lost ${results.cases.lost}, duplicated ${results.cases.duplicated} (redelivered copies ${results.cases.redeliveredCopies})`);

    await tracker.stop().catch(() => undefined);
    if (!options.skipRebuild && caseIds.length > 0) {
      log('rebuilding the shared record and statistics from the topics into a scratch database, to compare with the live ones');
      await lag.waitForZero(performance.now() + 120_000);
      results.rebuild = await rebuildCheck({ repoRoot, serverUrl: infra.databaseUrl, kafkaBrokers: infra.kafkaBrokers, caseIds }).catch((error) => ({ ok: false, error: error.message }));
      log(results.rebuild.ok ? `rebuild equal to the live record and statistics (${results.rebuild.replay.read} events read in ${results.rebuild.replay.seconds} s)` : `rebuild: ${results.rebuild.error ?? `${results.rebuild.differences.length} tables differ`}`);
    }
  } finally {
    chaos.stopped = true;
    samplers.stop();
    await lag.disconnect().catch(() => undefined);
  }
}

let failed = false;
try {
  await main();
} catch (error) {
  log(`failed: ${error.stack ?? error.message}`);
  results.errors.push(error.message);
  failed = true;
} finally {
  await shutdown();
}

results.finishedAt = new Date().toISOString();
results.wallSeconds = round((performance.now() - startedAtMs) / 1000);
const reasons = [];
if (failed || !results.cases) reasons.push('the run did not finish');
if (results.cases?.lost) reasons.push(`${results.cases.lost} cases lost`);
if (results.cases?.duplicated) reasons.push(`${results.cases.duplicated} items decided more than once`);
if (results.rebuild && !results.rebuild.ok) reasons.push('the rebuilt record differs from the live one');
if (results.chaosFailures?.length) reasons.push(`a killed service did not come back (${results.chaosFailures.join('; ')})`);
results.verdict = { ok: reasons.length === 0, reasons };
if (results.cases) {
  const { markdown, files } = writeReports(results, { outDir: path.resolve(repoRoot, options.out), stamp, repoRoot });
  console.log(`\n${markdown}\n`);
  log(`reports: ${files.join(', ')}`);
}
process.exit(results.verdict.ok ? 0 : 1);
