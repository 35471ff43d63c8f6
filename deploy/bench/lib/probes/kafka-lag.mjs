// Consumer lag per service group: the end of each partition (fetchTopicOffsets) less the group's
// committed offset (fetchOffsets), summed over the topics the group consumes.
import { SERVICES } from './metrics.mjs';

export class LagProbe {
  constructor(kafka, { groups = SERVICES.map((s) => s.name), intervalMs }) {
    this.kafka = kafka;
    this.groups = groups;
    this.intervalMs = intervalMs;
    this.peaks = {};
    this.phasePeaks = {};
  }

  async connect() {
    this.admin = this.kafka.admin();
    await this.admin.connect();
  }

  async disconnect() {
    this.stopSampling();
    await this.admin?.disconnect();
  }

  /** `{ group: { total, byTopic } }`. */
  async measure() {
    const ends = new Map();
    const endOf = async (topic) => {
      if (!ends.has(topic)) ends.set(topic, new Map((await this.admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p])));
      return ends.get(topic);
    };
    const lag = {};
    for (const groupId of this.groups) {
      const byTopic = {};
      for (const { topic, partitions } of await this.admin.fetchOffsets({ groupId })) {
        const end = await endOf(topic);
        byTopic[topic] = partitions.reduce((total, { partition, offset }) => {
          const { high, low } = end.get(partition) ?? { high: '0', low: '0' };
          const committed = Number(offset) < 0 ? Number(low) : Number(offset);
          return total + Math.max(0, Number(high) - committed);
        }, 0);
      }
      lag[groupId] = { total: Object.values(byTopic).reduce((a, b) => a + b, 0), byTopic };
    }
    return lag;
  }

  /** Messages held on `topics` (end less start offsets): what a replay from offset 0 reads. */
  async topicMessages(topics) {
    let total = 0;
    for (const topic of topics) for (const { high, low } of await this.admin.fetchTopicOffsets(topic)) total += Number(high) - Number(low);
    return total;
  }

  startSampling() {
    const tick = async () => {
      try {
        const lag = await this.measure();
        for (const [group, { total }] of Object.entries(lag)) {
          this.peaks[group] = Math.max(this.peaks[group] ?? 0, total);
          this.phasePeaks[group] = Math.max(this.phasePeaks[group] ?? 0, total);
        }
      } catch {
        // A sample lost to a broker hiccup is not worth failing the run for.
      }
      if (this.sampling) this.timer = setTimeout(() => void tick(), this.intervalMs);
    };
    this.sampling = true;
    void tick();
  }

  stopSampling() {
    this.sampling = false;
    clearTimeout(this.timer);
  }

  takePhasePeaks() {
    const peaks = this.phasePeaks;
    this.phasePeaks = {};
    return peaks;
  }

  /** Waits until every group has caught up, or the deadline passes; returns the last lag. */
  async waitForZero(deadlineMs, onWait) {
    for (;;) {
      const lag = await this.measure();
      const total = Object.values(lag).reduce((sum, { total: t }) => sum + t, 0);
      if (total === 0 || performance.now() > deadlineMs) return { total, lag };
      onWait?.(total);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
