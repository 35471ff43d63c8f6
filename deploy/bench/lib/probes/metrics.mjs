// Each service's /metrics: event counters, CPU seconds and handling time as deltas over a phase, and
// resident memory, event-loop lag and outbox backlog sampled for their peaks.
import { readFileSync } from 'node:fs';

export const SERVICES = JSON.parse(readFileSync(new URL('../../../local/services.json', import.meta.url), 'utf8'));

export function parsePrometheus(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

const sum = (samples, name, filter = (_labels) => true) => samples.filter((s) => s.name === name && filter(s.labels)).reduce((total, s) => total + s.value, 0);

/**
 * The figures the bench reads from one service's scrape. The names are the same in every service (the
 * service is the label Prometheus adds from its target); the bench knows whose /metrics it read.
 */
export function readServiceMetrics(samples) {
  const consumed = 'messaging_messages_consumed_total';
  const byOutcome = {};
  for (const s of samples) if (s.name === consumed) byOutcome[s.labels.outcome] = (byOutcome[s.labels.outcome] ?? 0) + s.value;
  return {
    consumed: sum(samples, consumed),
    consumedByOutcome: byOutcome,
    // Consumed and applied in a transaction of their own (ignored types and duplicates are not).
    handled: sum(samples, 'messaging_handling_duration_seconds_count'),
    handlingSeconds: sum(samples, 'messaging_handling_duration_seconds_sum'),
    produced: sum(samples, 'messaging_messages_produced_total', (l) => l.outcome === 'published'),
    deadLettered: sum(samples, 'messaging_dead_lettered_total'),
    cpuSeconds: sum(samples, 'process_cpu_seconds_total'),
    residentBytes: sum(samples, 'process_resident_memory_bytes'),
    heapUsedBytes: sum(samples, 'nodejs_heap_size_used_bytes'),
    eventLoopLagP99Seconds: sum(samples, 'nodejs_eventloop_lag_p99_seconds'),
    outboxBacklog: sum(samples, 'messaging_outbox_backlog_messages'),
  };
}

/** One scrape, with how long the service took to answer it (`scrapeMs`). */
export async function scrape(service) {
  const startedAt = performance.now();
  const response = await fetch(`http://127.0.0.1:${service.port}/metrics`, { signal: AbortSignal.timeout(15_000) });
  if (response.status !== 200) throw new Error(`${service.name} /metrics answered ${response.status}`);
  const text = await response.text();
  return { ...readServiceMetrics(parsePrometheus(text)), scrapeMs: performance.now() - startedAt };
}

export async function scrapeAll(services = SERVICES) {
  const entries = await Promise.all(services.map(async (service) => [service.name, await scrape(service).catch(() => undefined)]));
  return Object.fromEntries(entries);
}

const COUNTERS = ['consumed', 'handled', 'handlingSeconds', 'produced', 'deadLettered', 'cpuSeconds'];

/** Counter deltas between two scrapeAll() results. */
export function counterDeltas(before, after) {
  const deltas = {};
  for (const service of SERVICES.map((s) => s.name)) {
    if (!before[service] || !after[service]) continue;
    deltas[service] = Object.fromEntries(COUNTERS.map((counter) => [counter, after[service][counter] - before[service][counter]]));
    deltas[service].consumedByOutcome = Object.fromEntries(
      Object.entries(after[service].consumedByOutcome).map(([outcome, value]) => [outcome, value - (before[service].consumedByOutcome[outcome] ?? 0)]),
    );
  }
  return deltas;
}

// A scrape slower than this on the idle platform does real work in the service (data-sharing computes
// its statistics from every row at each scrape), so the bench scrapes it no more often than
// Prometheus would. Under load every scrape is slow, so this is judged before the load starts.
const EXPENSIVE_SCRAPE_MS = 250;
const PROMETHEUS_INTERVAL_MS = 15_000;

/** Samples every service at an interval and keeps each gauge's peak, for the whole run and per phase. */
export class GaugeSampler {
  constructor(intervalMs) {
    this.intervalMs = intervalMs;
    this.run = {};
    this.phase = {};
    this.nextScrapeAt = new Map();
    this.expensive = new Set();
  }

  /** Scrapes each service once, idle, and notes those whose /metrics costs real work. */
  async calibrate() {
    const all = await scrapeAll();
    this.idleScrapeMs = Object.fromEntries(Object.entries(all).map(([service, metrics]) => [service, metrics && Math.round(metrics.scrapeMs)]));
    for (const [service, ms] of Object.entries(this.idleScrapeMs)) if (ms > EXPENSIVE_SCRAPE_MS) this.expensive.add(service);
  }

  start() {
    const tick = async () => {
      const now = performance.now();
      const due = SERVICES.filter((service) => (this.nextScrapeAt.get(service.name) ?? 0) <= now);
      const all = await scrapeAll(due);
      for (const [service, metrics] of Object.entries(all)) {
        if (!metrics) continue;
        this.nextScrapeAt.set(service, now + (this.expensive.has(service) ? PROMETHEUS_INTERVAL_MS : this.intervalMs) - 50);
        for (const peaks of [this.run, this.phase]) {
          const peak = (peaks[service] ??= { residentBytes: 0, heapUsedBytes: 0, eventLoopLagP99Seconds: 0, outboxBacklog: 0, scrapeMs: 0 });
          for (const gauge of Object.keys(peak)) peak[gauge] = Math.max(peak[gauge], metrics[gauge]);
        }
      }
      if (this.running) this.timer = setTimeout(() => void tick(), this.intervalMs);
    };
    this.running = true;
    void tick();
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
  }

  /** The peaks since the last call, and a fresh start for the next phase. */
  takePhasePeaks() {
    const peaks = this.phase;
    this.phase = {};
    return peaks;
  }
}
