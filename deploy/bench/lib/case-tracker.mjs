// Follows every case the bench submitted on the agencies' topics with a kafkajs consumer of its own,
// so completion is timestamped when the decision reaches the bus, without polling the portal.
import { randomUUID } from 'node:crypto';
import { Decision, ItemStatus, readEnvelope, readItemDecided, readItemProgressed } from './envelope.mjs';

/** The services' events topics: the item events that complete a case are there (and the portal's submissions). */
export const EVENT_TOPICS = ['portal.case-events', 'approval.events', 'scitech.events', 'psb.events', 'hrss.events', 'sharing.events'];
/** The agencies' formal documents (PDF inside), on topics of their own that only the portal reads: counted in the bus's sizes, never decoded. */
export const DOCUMENT_TOPICS = ['approval.documents', 'scitech.documents', 'psb.documents', 'hrss.documents'];
export const WATCHED_TOPICS = [...EVENT_TOPICS, ...DOCUMENT_TOPICS];
const EARLY_EVENT_TTL_MS = 30_000;

/**
 * One tracked case. `items` holds the awaited items: 'open', 'awaiting_supplement' or final
 * ('granted', 'rejected', 'terminated', 'withdrawn').
 */
class TrackedCase {
  constructor(meta, timeoutMs) {
    Object.assign(this, meta);
    /** @type {number} */
    this.submittedAt = meta.submittedAt;
    this.items = new Map(meta.awaited.map((code) => [code, 'open']));
    this.requested = new Map();
    this.heldForJointReview = false;
    this.outcome = undefined;
    this.done = new Promise((resolve) => {
      this.finish = (outcome) => {
        if (this.outcome) return;
        this.outcome = outcome;
        this.completedAt = performance.now();
        clearTimeout(this.timer);
        resolve(this);
      };
    });
    this.timer = setTimeout(() => this.finish('timeout'), timeoutMs);
  }

  get latencyMs() {
    return this.completedAt - this.submittedAt;
  }

  isFinal(code) {
    const status = this.items.get(code);
    return status !== undefined && status !== 'open' && status !== 'awaiting_supplement';
  }
}

export class CaseTracker {
  /**
   * `observers`: called with every item event read (`{ topic, eventId, type, caseId, decided | progressed }`),
   * whether or not its case is tracked or already complete — the soak counts decisions with it.
   */
  constructor(kafka, { caseTimeoutMs, actors = [], observers = [] }) {
    this.kafka = kafka;
    this.caseTimeoutMs = caseTimeoutMs;
    this.actors = actors;
    this.observers = observers;
    this.cases = new Map();
    this.open = 0;
    this.early = new Map();
    this.sizes = { count: 0, bytes: 0, max: 0, byTopic: {} };
    this.groupId = `bench-tracker-${randomUUID()}`;
  }

  /** Joins with a group of its own and starts at the current end of every topic. */
  async start() {
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = [];
    try {
      for (const topic of WATCHED_TOPICS) for (const { partition, high } of await admin.fetchTopicOffsets(topic)) ends.push({ topic, partition, offset: high });
    } finally {
      await admin.disconnect();
    }
    this.consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 50, sessionTimeout: 30_000 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: WATCHED_TOPICS, fromBeginning: false });
    const joined = new Promise((resolve) => this.consumer.on(this.consumer.events.GROUP_JOIN, resolve));
    await this.consumer.run({
      partitionsConsumedConcurrently: WATCHED_TOPICS.length,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) this.onMessage(batch.topic, message);
      },
    });
    await joined;
    for (const end of ends) this.consumer.seek(end);
    this.sweeper = setInterval(() => this.dropStaleEarlyEvents(), 5_000);
  }

  async stop() {
    clearInterval(this.sweeper);
    for (const tracked of this.cases.values()) clearTimeout(tracked.timer);
    await this.consumer?.disconnect();
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([this.groupId]).catch(() => undefined);
    await admin.disconnect();
  }

  /** Starts following a submitted case; `meta.submittedAt` is performance.now() before the POST. */
  register(meta) {
    const tracked = new TrackedCase(meta, this.caseTimeoutMs);
    this.cases.set(meta.caseId, tracked);
    this.open += 1;
    void tracked.done.then(() => (this.open -= 1));
    const early = this.early.get(meta.caseId);
    if (early) {
      this.early.delete(meta.caseId);
      for (const event of early.events) this.apply(tracked, event);
    }
    for (const actor of this.actors) actor.onRegistered?.(tracked);
    return tracked;
  }

  inFlight() {
    return this.open;
  }

  casesOf(phase) {
    return [...this.cases.values()].filter((tracked) => tracked.phase === phase);
  }

  /** The messages on the bus while the tracker ran: their number and sizes, and per topic (`byTopic`: messages, bytes). */
  envelopeSize() {
    return { messages: this.sizes.count, meanBytes: this.sizes.count ? Math.round(this.sizes.bytes / this.sizes.count) : 0, maxBytes: this.sizes.max, bytes: this.sizes.bytes, byTopic: this.sizes.byTopic };
  }

  onMessage(topic, message) {
    const value = message.value;
    if (!value) return;
    this.sizes.count += 1;
    this.sizes.bytes += value.length;
    if (value.length > this.sizes.max) this.sizes.max = value.length;
    const onTopic = (this.sizes.byTopic[topic] ??= { messages: 0, bytes: 0 });
    onTopic.messages += 1;
    onTopic.bytes += value.length;
    if (topic === 'portal.case-events' || DOCUMENT_TOPICS.includes(topic)) return;
    let event;
    try {
      const envelope = readEnvelope(value);
      const base = { topic, eventId: envelope.eventId, type: envelope.type, caseId: envelope.caseId };
      if (envelope.type.endsWith('.item.decided')) event = { ...base, decided: readItemDecided(envelope.payload) };
      else if (envelope.type.endsWith('.item.progressed')) event = { ...base, progressed: readItemProgressed(envelope.payload) };
      else return;
    } catch {
      return;
    }
    for (const observer of this.observers) observer(event);
    const tracked = this.cases.get(event.caseId);
    if (tracked) this.apply(tracked, event);
    else this.keepEarly(event);
  }

  /** An event can reach the bus before the POST's answer reaches the bench. */
  keepEarly(event) {
    const entry = this.early.get(event.caseId) ?? { at: performance.now(), events: [] };
    entry.events.push(event);
    this.early.set(event.caseId, entry);
  }

  dropStaleEarlyEvents() {
    const cutoff = performance.now() - EARLY_EVENT_TTL_MS;
    for (const [caseId, entry] of this.early) if (entry.at < cutoff) this.early.delete(caseId);
  }

  apply(tracked, event) {
    if (tracked.outcome) return;
    if (event.decided) {
      const { itemCode, decision, category } = event.decided;
      if (itemCode === 'WORK_PERMIT' && category) tracked.grantedCategory = category;
      if (tracked.items.has(itemCode)) tracked.items.set(itemCode, decision === Decision.GRANTED ? 'granted' : 'rejected');
    } else {
      const { itemCode, status, requestedMaterials } = event.progressed;
      if (status === ItemStatus.JOINT_REVIEW) tracked.heldForJointReview = true;
      if (tracked.items.has(itemCode) && !tracked.isFinal(itemCode)) {
        if (status === ItemStatus.TERMINATED) tracked.items.set(itemCode, 'terminated');
        else if (status === ItemStatus.WITHDRAWN) tracked.items.set(itemCode, 'withdrawn');
        else if (status === ItemStatus.AWAITING_SUPPLEMENT) {
          tracked.items.set(itemCode, 'awaiting_supplement');
          tracked.requested.set(itemCode, requestedMaterials);
        } else tracked.items.set(itemCode, 'open');
      }
    }
    for (const actor of this.actors) actor.onEvent?.(tracked, event);
    if ([...tracked.items.keys()].every((code) => tracked.isFinal(code))) tracked.finish('decided');
  }
}
