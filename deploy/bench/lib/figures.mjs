// Turns one phase's cases and counter differences into the figures the report prints.
import { countBy, latencySummary, round } from './stats.mjs';

/** Latencies of `cases`, an undecided case counting as Infinity. */
const latencies = (cases) => cases.map((c) => (c.outcome === 'decided' ? c.latencyMs : Number.POSITIVE_INFINITY));

function itemOutcomes(cases) {
  const outcomes = {};
  for (const tracked of cases) for (const status of tracked.items.values()) outcomes[status] = (outcomes[status] ?? 0) + 1;
  return outcomes;
}

/** The cases' end-to-end figures: counts, latency (overall and by profile, selection, supplement), outcomes. */
export function caseFigures(cases, failures) {
  const decided = cases.filter((c) => c.outcome === 'decided');
  const byKey = (keyOf) => {
    const groups = {};
    for (const tracked of cases) (groups[keyOf(tracked)] ??= []).push(tracked);
    return Object.fromEntries(Object.entries(groups).map(([key, group]) => [key, latencySummary(latencies(group))]));
  };
  const categoryMismatches = decided.filter((c) => c.grantedCategory && c.grantedCategory !== c.category).length;
  return {
    submitted: cases.length,
    refused: failures.length,
    refusals: Object.entries(countBy(failures, (f) => `${f.status} ${f.error ?? ''}`.slice(0, 160))).slice(0, 5),
    decided: decided.length,
    timedOut: cases.filter((c) => c.outcome === 'timeout').length,
    undecided: cases.filter((c) => !c.outcome).length,
    heldForJointReview: cases.filter((c) => c.heldForJointReview).length,
    // What the undecided cases were still waiting for: item and status, with the case's profile.
    stuck: countBy(
      cases.filter((c) => c.outcome !== 'decided').flatMap((c) => [...c.items].filter(([code]) => !c.isFinal(code)).map(([code, status]) => `${code} ${status} (${c.category}${c.needsSupplement ? ', supplement' : ''})`)),
      (entry) => entry,
    ),
    stuckCaseIds: cases.filter((c) => c.outcome !== 'decided').slice(0, 5).map((c) => c.caseId),
    latencyMs: latencySummary(latencies(cases)),
    submitMs: latencySummary(cases.map((c) => c.submitMs)),
    latencyByCategory: byKey((c) => c.category),
    latencyBySelection: byKey((c) => c.selection),
    latencyOfSupplementCases: latencySummary(latencies(cases.filter((c) => c.needsSupplement))),
    mix: { category: countBy(cases, (c) => c.category), selection: countBy(cases, (c) => c.selection), supplement: cases.filter((c) => c.needsSupplement).length },
    officerApprovals: cases.filter((c) => c.approvedByOfficer).length,
    supplementsAnswered: cases.filter((c) => c.supplemented).length,
    awaitedItemOutcomes: itemOutcomes(cases),
    categoryMismatches,
  };
}

/** Completions per second between `from` and `to` (performance.now() times). */
export function completionRate(cases, from, to) {
  const completed = cases.filter((c) => c.outcome === 'decided' && c.completedAt >= from && c.completedAt <= to).length;
  return { completed, seconds: round((to - from) / 1000), perSecond: round(completed / ((to - from) / 1000), 2) };
}

/** Per-service rates and per-case costs over a phase's counter difference. */
export function resourceFigures(diff, decidedCases) {
  const perCase = (value) => (decidedCases > 0 ? round(value / decidedCases, 2) : undefined);
  const services = {};
  let consumed = 0;
  let produced = 0;
  let serviceCpu = 0;
  for (const [service, d] of Object.entries(diff.services)) {
    consumed += d.consumed;
    produced += d.produced;
    serviceCpu += d.cpuSeconds;
    services[service] = {
      consumedPerSecond: round(d.consumed / diff.seconds),
      producedPerSecond: round(d.produced / diff.seconds),
      handled: d.handled,
      meanHandlingMs: d.handled > 0 ? round((d.handlingSeconds / d.handled) * 1000) : undefined,
      cpuSeconds: round(d.cpuSeconds),
      cpuMsPerCase: decidedCases > 0 ? Math.round((d.cpuSeconds / decidedCases) * 1000) : undefined,
      deadLettered: d.deadLettered,
      consumedByOutcome: d.consumedByOutcome,
    };
  }
  const commits = Object.values(diff.databases).reduce((sum, d) => sum + d.commits, 0);
  const rowsWritten = Object.values(diff.databases).reduce((sum, d) => sum + d.rowsWritten, 0);
  const cpu = diff.cpu;
  return {
    seconds: round(diff.seconds),
    services,
    bus: { consumedPerSecond: round(consumed / diff.seconds), producedPerSecond: round(produced / diff.seconds), producedPerCase: perCase(produced), consumedPerCase: perCase(consumed) },
    database: {
      commitsPerSecond: round(commits / diff.seconds),
      commitsPerCase: perCase(commits),
      rowsWrittenPerCase: perCase(rowsWritten),
      byDatabase: diff.databases,
      // Consumed-and-applied events plus relay batches are what the services commit for a case.
      handledPerCase: perCase(Object.values(diff.services).reduce((sum, d) => sum + d.handled, 0)),
    },
    cpu: {
      machineBusyPercent: round((cpu.machineBusy / cpu.machineTotal) * 100),
      seconds: { services: round(serviceCpu), kafka: round(cpu.kafka), postgres: round(cpu.postgres), bench: round(cpu.bench), machine: round(cpu.machineBusy) },
      msPerCase: decidedCases > 0 ? { services: Math.round((serviceCpu / decidedCases) * 1000), kafka: Math.round((cpu.kafka / decidedCases) * 1000), postgres: Math.round((cpu.postgres / decidedCases) * 1000), machine: Math.round((cpu.machineBusy / decidedCases) * 1000) } : undefined,
    },
  };
}

/**
 * What the platform costs with nothing to do, over an idle phase's counter difference: milliseconds of
 * CPU a second of each service, of all of them, of the broker, PostgreSQL, the bench and the machine.
 */
export function idleFigures(diff) {
  const perSecond = (cpuSeconds) => Math.round((cpuSeconds / diff.seconds) * 1000);
  const services = Object.fromEntries(Object.entries(diff.services).map(([service, d]) => [service, perSecond(d.cpuSeconds)]));
  const servicesCpu = Object.values(diff.services).reduce((sum, d) => sum + d.cpuSeconds, 0);
  const cpu = diff.cpu;
  return {
    seconds: round(diff.seconds),
    cpuMsPerSecond: { services: perSecond(servicesCpu), kafka: perSecond(cpu.kafka), postgres: perSecond(cpu.postgres), bench: perSecond(cpu.bench), machine: perSecond(cpu.machineBusy) },
    services,
    machineBusyPercent: round((cpu.machineBusy / cpu.machineTotal) * 100),
  };
}
