// Every sampleEvery seconds: each service's resident memory (VmRSS of its process, from /proc) and
// each consumer group's lag (the bench's LagProbe). The memory verdict is per service, over its
// longest life (a kill restarts the curve): after a warm-up, the mean of the last third against the
// mean of the first third.
import { WATCHED_TOPICS } from '../../bench/lib/case-tracker.mjs';
import { SERVICES } from '../../bench/lib/probes/metrics.mjs';
import { residentBytes } from './fleet.mjs';

const MB = 1024 * 1024;
export const WARM_UP_S = 120;
/** Growth of the last third's mean over the first third's below which memory is called flat. */
export const FLAT_GROWTH = 0.1;
const MIN_SAMPLES = 6;
/** The services' events topics and the agencies' documents topics. */
const PLATFORM_TOPICS = WATCHED_TOPICS;

/**
 * Consumer groups with live members, other than the six services' and the soak's own tracker, that
 * read the platform's topics: a copy of a service in another group (another session's test or
 * profile on the same broker) decides the same cases again on the same topics, which the soak would
 * count as decisions made twice. Readers that only read (`reader-*`) are listed all the same.
 */
async function foreignConsumers(admin, ownGroups) {
  const { groups } = await admin.listGroups();
  const others = groups.map((g) => g.groupId).filter((id) => !ownGroups.has(id) && !id.startsWith('bench-tracker-'));
  if (others.length === 0) return [];
  const { groups: described } = await admin.describeGroups(others);
  const found = [];
  for (const group of described.filter((g) => g.members.length > 0)) {
    const topics = (await admin.fetchOffsets({ groupId: group.groupId })).map((t) => t.topic).filter((topic) => PLATFORM_TOPICS.includes(topic));
    if (topics.length > 0) found.push({ group: group.groupId, members: group.members.length, topics });
  }
  return found;
}

export class Samplers {
  constructor({ fleet, lag, intervalS, since }) {
    this.fleet = fleet;
    this.lag = lag;
    this.intervalS = intervalS;
    this.since = since;
    this.memory = [];
    this.lagSeries = [];
    /** group → `{ members, topics, firstSeenS }` */
    this.foreign = new Map();
  }

  async sample() {
    const atS = Math.round((performance.now() - this.since) / 1000);
    const rss = {};
    const life = {};
    for (const { name } of SERVICES) {
      const pid = this.fleet.pidOf(name);
      const bytes = pid === undefined ? undefined : residentBytes(pid);
      rss[name] = bytes === undefined ? null : Math.round((bytes / MB) * 10) / 10;
      life[name] = this.fleet.running.get(name)?.lives;
      // Seconds since this life began, for the warm-up.
      life[`${name}:upS`] = Math.round(this.fleet.uptimeOf(name) ?? -1);
    }
    this.memory.push({ atS, rssMb: rss, life });
    try {
      const lag = await this.lag.measure();
      this.lagSeries.push({ atS, byGroup: Object.fromEntries(Object.entries(lag).map(([group, { total }]) => [group, total])) });
    } catch (error) {
      this.lagSeries.push({ atS, error: error.message });
    }
    try {
      for (const found of await foreignConsumers(this.lag.admin, new Set(SERVICES.map((s) => s.name)))) {
        if (!this.foreign.has(found.group)) this.foreign.set(found.group, { ...found, firstSeenS: atS });
      }
    } catch {
      // Only a warning's worth of information: a sample lost to a broker hiccup is not worth failing for.
    }
  }

  start() {
    this.running = true;
    const tick = async () => {
      await this.sample();
      if (this.running) this.timer = setTimeout(() => void tick(), this.intervalS * 1000);
    };
    void tick();
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
  }
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

/** Per service: peak, and flat / not flat / too short over its longest life after warm-up. */
export function memoryVerdicts(memory) {
  const verdicts = {};
  for (const { name } of SERVICES) {
    const lives = new Map();
    for (const sample of memory) {
      const mb = sample.rssMb[name];
      if (mb === null || mb === undefined) continue;
      const key = sample.life[name];
      if (!lives.has(key)) lives.set(key, []);
      lives.get(key).push({ mb, upS: sample.life[`${name}:upS`] });
    }
    const all = [...lives.values()].flat().map((s) => s.mb);
    const longest = [...lives.values()].map((samples) => samples.filter((s) => s.upS >= WARM_UP_S)).sort((a, b) => b.length - a.length)[0] ?? [];
    const verdict = { peakMb: all.length ? Math.max(...all) : undefined, lives: lives.size, samplesJudged: longest.length };
    if (longest.length < MIN_SAMPLES) {
      verdict.verdict = 'too short to judge';
    } else {
      const third = Math.floor(longest.length / 3);
      const first = mean(longest.slice(0, third).map((s) => s.mb));
      const last = mean(longest.slice(-third).map((s) => s.mb));
      verdict.firstThirdMb = Math.round(first);
      verdict.lastThirdMb = Math.round(last);
      verdict.growthPercent = Math.round(((last - first) / first) * 1000) / 10;
      verdict.verdict = last - first <= first * FLAT_GROWTH ? 'flat' : 'not flat';
    }
    verdicts[name] = verdict;
  }
  return verdicts;
}
