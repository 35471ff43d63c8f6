// The headline: issue 14's targets against what was measured, and the pipeline as ratios of its ceilings.
import { round } from '../stats.mjs';

const MB = 2 ** 20;

function targets(r) {
  const closed = r.phases.closed;
  const open = r.phases.open;
  const replay = r.ceilings.replay;
  const peaks = Object.entries(r.peaks?.memory ?? {}).map(([service, p]) => ({ service, mb: Math.round(p.residentBytes / MB) }));
  const heaviest = peaks.sort((a, b) => b.mb - a.mb)[0];
  const openP99 = open?.latencyMs?.p99;
  const intake = r.phases.intake;
  const cpuPerCase = closed?.resources?.cpu?.msPerCase?.machine;
  return [
    {
      target: '≥ 60 fully decided cases/s, closed loop (the goal stays 300)',
      measured: closed ? `${closed.sustained.perSecond} cases/s (closed loop, ${closed.concurrency} in flight)` : 'not measured',
      met: closed ? closed.sustained.perSecond >= 60 : undefined,
    },
    {
      target: 'machine CPU ≤ 30 ms per case',
      measured: Number.isFinite(cpuPerCase) ? `${cpuPerCase} ms per case` : 'not measured',
      met: Number.isFinite(cpuPerCase) ? cpuPerCase <= 30 : undefined,
    },
    {
      target: 'p99 submit → every automatic item final ≤ 1 s at 20 cases/s offered',
      measured: open
        ? `${Number.isFinite(openP99) ? `p99 ${openP99} ms` : 'p99 not reached (cases undecided)'} at ${open.rate} cases/s offered${open.saturatedAfterS !== undefined ? `; saturated after ${open.saturatedAfterS} s (${open.maxInFlight} undecided)` : ''}`
        : 'not measured',
      met: open ? open.rate >= 20 && open.saturatedAfterS === undefined && Number.isFinite(openP99) && openP99 <= 1000 : undefined,
    },
    {
      target: "the portal's intake alone ≥ 300 accepted cases/s",
      measured: intake ? `${intake.requestsPerSecond} requests/s (${intake.concurrency} at a time${intake.heldBack ? ', the other services stopped' : ''})` : 'not measured',
      met: intake ? intake.requestsPerSecond >= 300 : undefined,
    },
    {
      target: 'every service ≤ 150 MB resident under load',
      measured: heaviest ? `peak ${peaks.map((p) => `${p.service} ${p.mb}`).join(', ')} MB` : 'not measured',
      met: heaviest ? heaviest.mb <= 150 : undefined,
    },
    {
      target: 'replay ≥ 20,000 events/s',
      measured: replay?.ok ? `${replay.readPerSecond} events/s read (${replay.read} in ${replay.seconds} s, boot included)` : replay?.skipped ? `not run: ${replay.skipped}` : 'not measured',
      met: replay?.ok ? replay.readPerSecond >= 20_000 : undefined,
    },
  ];
}

function ratios(r) {
  const closed = r.phases.closed;
  if (!closed) return undefined;
  const { bus, database, cpu } = closed.resources;
  const kafka = r.ceilings.kafka;
  const pg = r.ceilings.postgres?.results;
  const pgBest = pg ? Math.max(...pg.map((x) => x.perSecond)) : undefined;
  const cores = r.machine.cores;
  return {
    busProducedPerSecond: bus.producedPerSecond,
    busConsumedPerSecond: bus.consumedPerSecond,
    rawKafkaPerSecond: kafka?.perSecond,
    busVsRawKafkaPercent: kafka ? round((bus.consumedPerSecond / kafka.perSecond) * 100, 2) : undefined,
    deliveriesPerCase: bus.consumedPerCase,
    casesPerSecondIfKafkaBound: kafka && bus.consumedPerCase ? round(kafka.perSecond / bus.consumedPerCase) : undefined,
    commitsPerCase: database.commitsPerCase,
    handledEventsPerCase: database.handledPerCase,
    pipelineCommitsPerSecond: database.commitsPerSecond,
    rawPostgresCommitsPerSecond: pgBest,
    commitsVsRawPostgresPercent: pgBest ? round((database.commitsPerSecond / pgBest) * 100, 1) : undefined,
    casesPerSecondIfPostgresBound: pgBest && database.commitsPerCase ? round(pgBest / database.commitsPerCase) : undefined,
    machineCpuMsPerCase: cpu.msPerCase?.machine,
    casesPerSecondIfCpuBound: cpu.msPerCase?.machine ? round((cores * 1000) / cpu.msPerCase.machine, 1) : undefined,
    machineBusyPercent: cpu.machineBusyPercent,
  };
}

/** The service that used the most CPU (process_cpu_seconds_total) over `figures`, a resourceFigures() result. */
export function busiestByCpu(figures) {
  const services = Object.entries(figures?.services ?? {});
  if (services.length === 0) return undefined;
  return services.sort((a, b) => b[1].cpuSeconds - a[1].cpuSeconds)[0][0];
}

function busiestService(r) {
  const name = busiestByCpu(r.wholeRun);
  if (!name) return undefined;
  return { service: name, cpuSecondsWholeRun: r.wholeRun.services[name].cpuSeconds, cpuSecondsByService: Object.fromEntries(Object.entries(r.wholeRun.services).map(([s, f]) => [s, f.cpuSeconds])) };
}

export function summarise(r) {
  return { targets: targets(r), ratios: ratios(r), busiestService: busiestService(r) };
}
