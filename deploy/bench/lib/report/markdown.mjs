// The Markdown report: what a reader needs to judge the figures, in the order they would ask.
const MB = 2 ** 20;

const ms = (value) => (value === undefined ? '—' : Number.isFinite(value) ? `${value}` : '∞');
const num = (value) => (value === undefined || value === null ? '—' : typeof value === 'number' ? value.toLocaleString('en-US') : String(value));
const mark = (met) => (met === undefined ? '—' : met ? 'met' : 'not met');
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

export const FULLY_DECIDED =
  '"Fully decided" means every automatic item of the case is final (granted, rejected or terminated), as announced on the agencies\' topics. ' +
  'PROFESSIONAL_TITLE is always decided by an officer (the catalogue\'s manualByDefault) and is not waited for. A category C work permit waits for an officer (the national quota): ' +
  'the bench approves it as an approval officer (`POST /api/items/:caseId/WORK_PERMIT/decision` on admin-approval) as soon as it is accepted, so C cases include that step. ' +
  'Supplement cases leave out the PHOTO; the bench answers the request through `POST /api/cases/:caseId/supplements` when it appears on the bus.';

function pipelineRows(r) {
  const rows = [];
  const add = (label, load, phase, throughput) => {
    if (!phase) return;
    const l = phase.latencyMs;
    rows.push([label, load, num(phase.submitted), num(phase.decided), throughput, ms(l.p50), ms(l.p95), ms(l.p99), ms(phase.submitMs?.p99)]);
  };
  const closed = r.phases.closed;
  add('closed loop', `${closed?.concurrency} in flight, ${closed?.durationS} s`, closed, closed && `**${closed.sustained.perSecond}** (steady window)`);
  for (const name of ['open', 'open-sustainable']) {
    const open = r.phases[name];
    if (!open) continue;
    const load = `${open.rate}/s offered, ${open.durationS} s${open.saturatedAfterS !== undefined ? `; **saturated after ${open.saturatedAfterS} s** (${open.maxInFlight} undecided)` : ''}`;
    add(name === 'open' ? 'open loop' : 'open loop, sustainable', load, open, `${open.completion.perSecond}`);
  }
  const intake = r.phases.intake;
  add('intake backlog', `${intake?.accepted} accepted in ${intake?.durationS} s`, intake, intake && `${intake.backlogDrain.perSecond} (draining)`);
  return rows;
}

function perServiceRows(r) {
  const closed = r.phases.closed;
  if (!closed) return [];
  const lagPeaks = r.peaks?.lag ?? {};
  return Object.entries(closed.resources.services).map(([service, s]) => {
    const memory = r.peaks?.memory?.[service];
    return [
      service,
      num(s.consumedPerSecond),
      num(s.producedPerSecond),
      ms(s.meanHandlingMs),
      num(s.cpuSeconds),
      num(s.cpuMsPerCase),
      memory ? `${Math.round(memory.residentBytes / MB)}` : '—',
      num(closed.peaks.lag[service] ?? lagPeaks[service]),
      memory ? `${Math.round(memory.eventLoopLagP99Seconds * 1000)}` : '—',
      num(s.deadLettered),
      `${num(r.idleScrapeMs?.[service])} / ${memory ? Math.round(memory.scrapeMs) : '—'}`,
    ];
  });
}

function ceilingLines(r) {
  const kafka = r.ceilings.kafka;
  const pg = r.ceilings.postgres?.results ?? [];
  const q = r.summary.ratios ?? {};
  const rows = [];
  if (kafka) {
    rows.push([
      `raw kafkajs produce → consume (${num(kafka.messages)} × ${kafka.envelopeBytes} B, batches of ${kafka.batchSize}, ${kafka.partitions} partitions)`,
      `${num(kafka.perSecond)} msg/s`,
      `${num(q.busConsumedPerSecond)} deliveries/s consumed, ${num(q.busProducedPerSecond)} events/s produced`,
      q.busVsRawKafkaPercent === undefined ? '—' : `${q.busVsRawKafkaPercent} %`,
    ]);
    rows.push(['raw kafkajs, one message per awaited send (acks=all)', `${num(kafka.oneBySend.perSecond)} msg/s (${kafka.oneBySend.meanMs} ms each)`, '', '']);
  }
  for (const result of pg) {
    rows.push([`PostgreSQL single-row commits, ${result.clients} client${result.clients > 1 ? 's' : ''}`, `${num(result.perSecond)} commits/s`, result.clients === Math.max(...pg.map((x) => x.clients)) ? `${num(q.pipelineCommitsPerSecond)} commits/s` : '', result.clients === Math.max(...pg.map((x) => x.clients)) && q.commitsVsRawPostgresPercent !== undefined ? `${q.commitsVsRawPostgresPercent} %` : '']);
  }
  return rows;
}

function boundLines(r) {
  const q = r.summary.ratios;
  if (!q) return [];
  const closed = r.phases.closed;
  const cpu = closed.resources.cpu;
  return [
    `- Per decided case (closed loop): **${num(q.deliveriesPerCase)}** messages consumed, ${num(closed.resources.bus.producedPerCase)} events produced, **${num(q.commitsPerCase)}** database commits (pg_stat_database xact_commit, reads included; ${num(q.handledEventsPerCase)} of them applied events), ${num(closed.resources.database.rowsWrittenPerCase)} rows written.`,
    `- If Kafka were the limit: ${num(q.casesPerSecondIfKafkaBound)} cases/s (raw rate ÷ deliveries per case). If PostgreSQL were: ${num(q.casesPerSecondIfPostgresBound)} cases/s (best raw commit rate ÷ commits per case).`,
    `- CPU: the machine was **${q.machineBusyPercent} %** busy; per case ${num(cpu.msPerCase?.machine)} ms of CPU — services ${num(cpu.msPerCase?.services)} ms, Kafka broker ${num(cpu.msPerCase?.kafka)} ms, PostgreSQL ${num(cpu.msPerCase?.postgres)} ms (the bench itself: ${num(cpu.seconds.bench)} s over the phase). On ${r.machine.cores} cores that is at most **${num(q.casesPerSecondIfCpuBound)} cases/s**.`,
  ];
}

function latencyBreakdown(phase) {
  const rows = [];
  for (const [category, l] of Object.entries(phase.latencyByCategory).sort()) rows.push([`category ${category}`, num(l.count), ms(l.p50), ms(l.p95), ms(l.p99)]);
  for (const [selection, l] of Object.entries(phase.latencyBySelection)) rows.push([selection, num(l.count), ms(l.p50), ms(l.p95), ms(l.p99)]);
  const s = phase.latencyOfSupplementCases;
  if (s.count > 0) rows.push(['missing PHOTO, supplemented', num(s.count), ms(s.p50), ms(s.p95), ms(s.p99)]);
  return table(['cases', 'n', 'p50 ms', 'p95 ms', 'p99 ms'], rows);
}

const NODE_KIND_HEADERS = {
  javascript: 'compiled JS',
  builtins: 'V8 builtins, interpreter',
  runtime: 'V8 runtime',
  gc: 'GC (main thread)',
  kernel: 'kernel',
  native: 'other native',
  helperGc: 'helper threads: GC and other',
  helperCompiler: 'helper threads: compiler',
  otherThreads: 'other threads',
};

/** The whole machine's CPU over the closed loop by process, and within each Node.js process by kind of work (`--perf`). */
export function machineProfileSection(r) {
  const p = r.machineProfile;
  if (!p) return [];
  if (p.unavailable) return ['## Where the machine\'s CPU went (perf)', '', `Not recorded: ${p.unavailable}.`];
  const kinds = Object.keys(NODE_KIND_HEADERS);
  const perCase = (seconds) => (p.decided > 0 ? Math.round((seconds / p.decided) * 1000) : undefined);
  return [
    `## Where the machine's CPU went (perf, ${p.phase} loop)`,
    '',
    `\`perf record -a -e cpu-clock -F ${p.frequencyHz}\` over the ${p.phase} loop and its drain: ${num(p.samples)} samples, ${p.cpuSeconds} CPU s for ${p.decided} decided cases. ` +
      'Only running threads are sampled (V8\'s --cpu-prof samples wall-clock time). Within a Node.js process, in % of its samples: compiled JS is code V8 compiled at run time; ' +
      'builtins are V8\'s built-in functions and the interpreter\'s handlers (property access, calls, promises); the kernel\'s share is system calls (sockets) and page faults; ' +
      'V8\'s helper threads mark, sweep and scavenge the heap and compile code alongside the main thread. ' +
      `Recording in \`${p.file}\` (\`perf report -i\` it).`,
    '',
    table(
      ['process', 'CPU s', 'ms per case', '% of machine', ...kinds.map((kind) => NODE_KIND_HEADERS[kind])],
      p.owners.map((o) => [o.owner, num(o.cpuSeconds), num(perCase(o.cpuSeconds)), num(o.percentOfMachine), ...kinds.map((kind) => (o.kinds ? `${o.kinds[kind]} %` : ''))]),
    ),
  ];
}

function profileSection(r) {
  const profile = r.profile;
  if (!profile?.busiest) return ['## CPU profile', '', r.options.cpuProf ? 'No profile was written (the services were not started by the bench).' : 'Run with `--cpu-prof` (the bench must start the services) for the hot functions of the busiest service.'];
  const b = profile.busiest;
  const cpu = r.summary.busiestService;
  return [
    `## CPU profile: ${b.service}, the busiest service`,
    '',
    cpu
      ? `CPU seconds over the whole run by each service's process_cpu_seconds_total: ${Object.entries(cpu.cpuSecondsByService)
          .sort((x, y) => y[1] - x[1])
          .map(([service, seconds]) => `${service} ${seconds}`)
          .join(', ')}. `
      : '',
    `Profiles (V8's sampling profiler every ${r.platform.profileIntervalUs / 1000} ms, the whole process life) in \`${r.platform.profileDir}\`; the profiler itself costs some throughput. ` +
      'Samples are wall-clock: on a saturated machine a runnable process waiting for a core is counted where it stands, so shares within a service mean more than the absolute times.',
    '',
    `Top ${b.topFunctions.length} functions of ${b.service} by self time (${b.busySeconds} s of non-idle samples in ${b.wallSeconds} s):`,
    '',
    table(['function', 'where', 'mostly via', 'self ms', '%'], b.topFunctions.map((f) => [`\`${f.function}\``, f.where ? `\`${f.where}\`` : '(native)', f.via ? `\`${f.via}\`` : '', num(f.selfMs), `${f.percent}`])),
    '',
    'Self time by package:',
    '',
    table(['package', 'self ms', '%'], b.topPackages.map((p) => [p.owner, num(p.selfMs), `${p.percent}`])),
  ];
}

/** What the platform costs with nothing to do. */
export function idleSection(idle) {
  const c = idle.cpuMsPerSecond;
  return [
    '## Idle',
    '',
    `Nothing submitted for ${idle.seconds} s after the warm-up had drained: the services used **${c.services} ms of CPU a second** in all ` +
      `(${Object.entries(idle.services).map(([service, msPerSecond]) => `${service} ${msPerSecond}`).join(', ')}), the Kafka broker ${c.kafka}, PostgreSQL ${c.postgres}, ` +
      `the bench ${c.bench} (its probes scrape each service's /metrics every 3 s and the consumer lag every 2 s, which the services and the broker answer); the machine was ${idle.machineBusyPercent} % busy.`,
  ];
}

/** The portal's intake alone, and what became of the backlog it left. */
export function intakeSection(intake) {
  const heldBack = intake.heldBack
    ? `the other services' ${intake.heldBack} processes stopped meanwhile`
    : 'the other services working meanwhile (none of their processes found on this machine to hold back)';
  // A case the tracker gave up on (its per-case timeout) is neither decided nor waited for any longer.
  const gaveUp = intake.timedOut ? `, ${intake.timedOut} given up at the per-case timeout` : '';
  return [
    '## Intake alone',
    '',
    `\`POST /api/cases\`, ${intake.concurrency} at a time for ${intake.durationS} s, ${heldBack}: **${intake.requestsPerSecond} requests/s**, p50 ${ms(intake.requestMs.p50)} ms, p99 **${ms(intake.requestMs.p99)} ms** (${intake.failed} failed). ` +
      `The ${intake.accepted} accepted cases then drained at ${intake.backlogDrain.perSecond} cases/s (${intake.decided} fully decided${gaveUp}, ${intake.undecidedAfterDrain} still undecided when the bench stopped waiting).`,
  ];
}

export function renderMarkdown(r) {
  const v = r.versions ?? {};
  const m = r.machine;
  const closed = r.phases.closed;
  const intake = r.phases.intake;
  const replay = r.ceilings.replay;
  const lines = [
    `# Benchmark (${r.options.mode}) — ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `\`${r.command}\` — ${r.wallSeconds} s. Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}; load average at start ${m.loadAverageAtStart.join(' / ')}. ` +
      `Node ${v.node}, Kafka ${v.kafka} (kafkajs ${v.kafkajs}), PostgreSQL ${v.postgresql} (synchronous_commit ${r.settings.postgres?.synchronous_commit}). ` +
      `Services ${r.platform?.startedByBench ? `started by the bench (healthy after ${r.platform.bootSeconds} s${r.platform.profileDir ? `, CPU-profiled every ${r.platform.profileIntervalUs / 1000} ms` : ''})` : 'already running (built from whatever dist/ held when they started)'}. ` +
      (r.source ? `Source: commit ${r.source.commit}${r.source.changedFiles.length > 0 ? ` with uncommitted changes to ${r.source.changedFiles.map((f) => `\`${f}\``).join(', ')}` : ''}. ` : '') +
      `Topic partitions ${r.settings.services?.KAFKA_TOPIC_PARTITIONS}, partitions × cases consumed at once ${r.settings.services?.KAFKA_PARTITIONS_CONCURRENCY} × ${r.settings.services?.KAFKA_CASE_CONCURRENCY}. Seed ${r.options.seed}.`,
    '',
    '## Targets',
    '',
    table(['target (issue 14)', 'measured', ''], r.summary.targets.map((t) => [t.target, t.measured, mark(t.met)])),
    '',
    '## The pipeline, end to end',
    '',
    FULLY_DECIDED,
    '',
    table(['phase', 'load', 'submitted', 'fully decided', 'cases/s', 'p50 ms', 'p95 ms', 'p99 ms', 'POST p99 ms'], pipelineRows(r)),
    '',
  ];
  if (closed) {
    lines.push(
      `Closed loop mix: ${Object.entries(closed.mix.category).map(([k, n]) => `${k} ${n}`).join(', ')}; ${closed.mix.supplement} supplement cases; ${closed.officerApprovals} work permits approved by the bench as officer; ` +
        `items ${Object.entries(closed.awaitedItemOutcomes).map(([k, n]) => `${k} ${n}`).join(', ')}; granted category differing from the generated profile: ${closed.categoryMismatches}; ` +
        `undecided after the drain: ${closed.undecidedAfterDrain}; timed out: ${closed.timedOut}; held for joint review: ${closed.heldForJointReview}.` +
        (Object.keys(closed.stuck).length > 0 ? ` Undecided cases were waiting for: ${Object.entries(closed.stuck).map(([k, n]) => `${k} ×${n}`).join(', ')}.` : ''),
      '',
      'Closed-loop latency by profile and selection:',
      '',
      latencyBreakdown(closed),
      '',
      '## Per service (closed loop)',
      '',
      table(['service', 'consumed/s', 'produced/s', 'mean handling ms', 'CPU s', 'CPU ms/case', 'peak RSS MB (run)', 'peak lag', 'peak loop-lag p99 ms', 'dead-lettered', '/metrics ms idle / slowest'], perServiceRows(r)),
      '',
      '"Handling" is one consumed event applied in its transaction (messaging_handling_duration_seconds); lag is the group\'s end offsets less its committed offsets, sampled every 2 s; gauges are sampled every 3 s, and every 15 s (Prometheus\' interval) from a service whose /metrics took over 250 ms to answer before the load.',
      '',
      ...(r.connections?.max
        ? [
            `PostgreSQL connections: peak ${r.connections.peakTotal} of max_connections ${r.connections.max} over the run (${Object.entries(r.connections.peakByDatabase)
              .map(([db, n]) => `${db} ${n}`)
              .join(', ')}).`,
            '',
          ]
        : []),
    );
  }
  if (r.idle) lines.push(...idleSection(r.idle), '');
  lines.push('## Ceilings, measured in the same run', '', table(['ceiling', 'raw', 'pipeline (closed loop)', 'pipeline ÷ raw'], ceilingLines(r)), '', ...boundLines(r), '');
  if (intake) lines.push(...intakeSection(intake), '');
  if (replay) {
    lines.push(
      '## Replay of the shared record',
      '',
      replay.ok
        ? `\`npm run sharing:rebuild -- --database <scratch>\`: ${num(replay.read)} events read (${num(replay.applied)} applied, ${num(replay.skipped)} skipped) in ${replay.seconds} s from launch to exit (boot and migrations included): **${num(replay.readPerSecond)} events/s** read, ${num(replay.appliedPerSecond)} applied/s. The scratch database was dropped.`
        : replay.skipped
          ? `Not run: ${replay.skipped}.`
          : `\`npm run sharing:rebuild\` did not finish: ${replay.timedOut ? `stopped after ${replay.seconds} s` : replay.error}.`,
      '',
    );
  }
  const machine = machineProfileSection(r);
  if (machine.length > 0) lines.push(...machine, '');
  lines.push(...profileSection(r), '');
  const notes = [];
  if (r.initialLag > 0) notes.push(`The services started with a consumer lag of ${r.initialLag} (an earlier backlog).`);
  for (const e of r.errors) notes.push(`${e.step} failed: ${e.error}`);
  const answers = (errors) => Object.entries(errors ?? {}).map(([status, { count, first }]) => `${count} × ${status} (${first})`).join('; ');
  if (Object.keys(r.actors?.officerErrors ?? {}).length) notes.push(`Officer decisions answered unexpectedly, and were retried: ${answers(r.actors.officerErrors)}.`);
  if (Object.keys(r.actors?.supplementErrors ?? {}).length) notes.push(`Supplement answers refused unexpectedly, and were retried: ${answers(r.actors.supplementErrors)}.`);
  const finalLag = r.finalLag ? Object.values(r.finalLag).reduce((sum, g) => sum + g.total, 0) : 0;
  if (finalLag > 0) notes.push(`Consumer lag when the bench ended: ${finalLag} (the services were still working through the last events).`);
  if (notes.length > 0) lines.push('## Notes', '', ...notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
