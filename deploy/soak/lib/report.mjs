// bench/results/<stamp>-soak.json (every figure and sample) and .md (printed at the end).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICES } from '../../bench/lib/probes/metrics.mjs';

const names = SERVICES.map((s) => s.name);
const row = (cells) => `| ${cells.map((c) => (c === undefined || c === null ? '–' : String(c))).join(' | ')} |`;
const clock = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

export function renderMarkdown(r) {
  const c = r.cases;
  const lines = [
    `### Soak run — ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `\`${r.command}\` — ${r.wallSeconds} s. Machine: ${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB; load average at start ${r.machine.loadAverageAtStart.join(' / ')}. ` +
      `Source: commit ${r.source?.commit ?? '?'}${r.source?.changedFiles?.length ? ` with ${r.source.changedFiles.length} changed files` : ''}. Rate ${r.options.rate} cases/s offered (${r.options.rateFrom}) for ${r.options.minutes} min; kills ${r.options.killSchedule}, each service started again after 1–${r.options.pauseMax} s (chaos seed ${r.options.chaosSeed}).`,
    '',
    `**${r.verdict.ok ? 'PASSED' : 'FAILED'}**: ${r.verdict.reasons.length ? r.verdict.reasons.join('; ') : 'nothing lost, nothing decided twice'}.`,
    '',
    '| cases | count |',
    '|---|---|',
    row(['offered (POST /api/cases)', c.offered]),
    row(['submitted (accepted, 201)', c.submitted]),
    row(['refused or unanswered (a service down, say) — never accepted, not counted', c.refused]),
    row(['decided (every automatic item final; C work permits approved and supplements answered by the bench)', c.decided]),
    row(['**lost** (submitted, not decided after the drain)', `**${c.lost}**`]),
    row(['items decided (distinct case + item on the agencies\' topics)', c.itemsDecided]),
    row(['**duplicated** (an item with more than one decision event)', `**${c.duplicated}**`]),
    row(['redelivered copies (one decision event read again: the relay\'s at-least-once, skipped by inboxes)', c.redeliveredCopies]),
    row(['latency p50 / p95 / p99 / max ms', `${c.latencyMs.p50} / ${c.latencyMs.p95} / ${c.latencyMs.p99} / ${c.latencyMs.max}`]),
    row(['officer approvals (category C) / supplements answered', `${r.actors.officerApprovals} / ${r.actors.supplementsAnswered}`]),
    row(['drained in', `${r.drain.seconds} s`]),
    '',
  ];
  if (c.duplicated) lines.push(`Decided more than once, by item: ${Object.entries(c.duplicatedByItem).map(([item, n]) => `${item} × ${n}`).join(', ')} (e.g. ${c.duplicatedItems.slice(0, 3).map((d) => d.caseItem).join(', ')}).`, '');
  if (r.foreignConsumers?.length) {
    lines.push(
      `**Other consumers of the platform's topics during the run**: ${r.foreignConsumers.map((f) => `\`${f.group}\` (${f.members} member${f.members > 1 ? 's' : ''}, from ${clock(f.firstSeenS)}: ${f.topics.join(', ')})`).join('; ')}. ` +
        'A copy of a service in a group of its own (another session on the same broker) decides the same cases again on the same topics: decisions counted twice may be theirs.',
      '',
    );
  }
  if (c.stuck && Object.keys(c.stuck).length) lines.push(`Still open after the drain: ${Object.entries(c.stuck).map(([k, n]) => `${k} × ${n}`).join(', ')} (e.g. ${c.stuckCaseIds.join(', ')}).`, '');
  lines.push(`#### Kills (${r.kills.length})`, '', '| at | service | up before | pause s | healthy after restart s |', '|---|---|---|---|---|');
  for (const k of r.kills) lines.push(row([clock(k.atS), k.service, `${k.uptimeS} s`, k.pauseS, k.error ? `did not come back: ${k.error}` : k.healthyAfterS]));
  if (r.unexpectedExits.length) lines.push('', `Exits nobody asked for: ${r.unexpectedExits.map((e) => `${e.service} (${e.signal ?? e.code}) at ${e.at}`).join(', ')}.`);
  lines.push('', `#### Memory (RSS MB per service, every ${r.options.sampleEvery} s)`, '');
  lines.push('| service | peak MB | lives | judged samples | first third MB | last third MB | growth | verdict |', '|---|---|---|---|---|---|---|---|');
  for (const name of names) {
    const v = r.memoryVerdicts[name];
    lines.push(row([name, v.peakMb, v.lives, v.samplesJudged, v.firstThirdMb, v.lastThirdMb, v.growthPercent === undefined ? undefined : `${v.growthPercent} %`, v.verdict]));
  }
  lines.push('', `Judged over each service's longest life (a kill starts the curve again) after ${r.memoryRule.warmUpS} s of warm-up: flat when the last third's mean is at most ${r.memoryRule.flatGrowthPercent} % above the first third's; at least 6 samples.`, '');
  lines.push(row(['t', ...names, ...names.map((n) => `lag ${n}`)]), row(['---', ...names.map(() => '---'), ...names.map(() => '---')]));
  r.samples.memory.forEach((m, i) => {
    const lag = r.samples.lag[i]?.byGroup ?? {};
    lines.push(row([clock(m.atS), ...names.map((n) => m.rssMb[n] ?? 'down'), ...names.map((n) => lag[n])]));
  });
  lines.push('', 'Lag: the consumer group\'s end offsets less its committed offsets, summed over its topics, at each sample.', '');
  const rb = r.rebuild;
  lines.push('#### Rebuild of the shared record and statistics from the topics', '');
  if (!rb) lines.push('Not run (--skip-rebuild, or the run stopped before).');
  else if (rb.error) lines.push(`**Failed**: ${rb.error}`);
  else {
    lines.push(
      `\`npm run sharing:rebuild\` into a scratch database: ${rb.replay.read} events read, ${rb.replay.applied} applied, in ${rb.replay.seconds} s. ` +
        `Compared row for row with the live database for the soak's ${c.submitted} cases and their applicants: **${rb.ok ? 'equal' : `${rb.differences.length} tables differ`}** ` +
        `(${Object.entries(rb.rows).map(([t, n]) => `${t} ${n}`).join(', ')}; not compared: ${rb.notCompared.join(', ')} — the log of live reads).`,
    );
    for (const d of rb.differences) lines.push(`- ${d.table}: live ${d.live} rows, rebuilt ${d.rebuilt}; only live e.g. ${d.onlyLive[0] ?? '–'}; only rebuilt e.g. ${d.onlyRebuilt[0] ?? '–'}`);
  }
  if (r.errors.length) lines.push('', '#### Errors', '', ...r.errors.map((e) => `- ${e}`));
  return lines.join('\n');
}

export function writeReports(results, { outDir, stamp, repoRoot }) {
  mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, `${stamp}-soak`);
  const markdown = renderMarkdown(results);
  writeFileSync(`${base}.json`, `${JSON.stringify(results, (_key, value) => (value === Infinity ? null : value), 2)}\n`);
  writeFileSync(`${base}.md`, `${markdown}\n`);
  return { markdown, files: [`${base}.json`, `${base}.md`].map((file) => path.relative(repoRoot, file)) };
}
