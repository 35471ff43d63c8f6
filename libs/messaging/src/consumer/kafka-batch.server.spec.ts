import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Events, encodeEvent, type IncomingEvent } from '@work-permit/contracts';
import { MetricsRegistry } from '@work-permit/observability';
import type { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { MessagingMetrics } from '../messaging.metrics';
import { defaultConsumerOptions } from '../messaging.options';
import type { InboxKey, Transaction, UnitOfWork } from '../unit-of-work';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { declaredEventType, KafkaBatchServer } from './kafka-batch.server';
import { relevantWhen } from './relevance';

const topic = 'portal.case-events';

/** A message as the outbox writes it (with its `event-type` header), or as an older producer did (without). */
function messageOf(definition: typeof Events.CaseSubmitted | typeof Events.CaseWithdrawn | typeof Events.CaseSupplemented, caseId: string, offset: number, { header = true } = {}): KafkaMessage {
  const event = encodeEvent(definition, {}, { caseId, correlationId: caseId, causationId: caseId });
  return {
    key: Buffer.from(caseId),
    value: event.value,
    offset: String(offset),
    timestamp: '0',
    attributes: 0,
    size: 0,
    headers: header ? { 'event-type': Buffer.from(event.type), 'event-id': Buffer.from(event.eventId) } : {},
  } as unknown as KafkaMessage;
}

class Harness {
  readonly applied: string[] = [];
  readonly transactions: InboxKey[][] = [];
  /** The locks each transaction's claim was asked to take, in the order of `transactions`. */
  readonly claimedLocks: (readonly string[])[] = [];
  readonly deadLettered: { offset: string; code: string }[] = [];
  readonly metrics = new MessagingMetrics(new MetricsRegistry('spec', { defaultMetrics: false }));
  readonly server: KafkaBatchServer;
  resolvedUpTo?: string;

  constructor(eventsPerTransaction = 64, caseLockKey?: (caseId: string) => string) {
    const unitOfWork = {
      runOnceEach: async (keys: InboxKey[], work: (tx: Transaction, index: number) => Promise<void>, locks: readonly string[] = []) => {
        this.transactions.push(keys);
        this.claimedLocks.push(locks);
        for (let index = 0; index < keys.length; index += 1) await work({} as Transaction, index);
        return keys.map(() => false);
      },
      runOnce: async (key: InboxKey, work: (tx: Transaction) => Promise<void>, { locks = [] }: { locks?: readonly string[] } = {}) => {
        this.transactions.push([key]);
        this.claimedLocks.push(locks);
        await work({} as Transaction);
        return { duplicate: false };
      },
      markDeadLettered: async () => undefined,
    } as unknown as UnitOfWork;
    const deadLetters = {
      publish: async (source: { offset: string }, _message: unknown, reason: { code: string }) => {
        this.deadLettered.push({ offset: source.offset, code: reason.code });
      },
    } as unknown as DeadLetterPublisher;
    this.server = new KafkaBatchServer({} as Kafka, { ...defaultConsumerOptions('spec', [topic]), eventsPerTransaction, caseLockKey }, unitOfWork, deadLetters, this.metrics);
  }

  /** Registers a handler as Nest does for an `@EventPattern`. */
  handle(type: string, extras: Record<string, unknown> = {}): void {
    this.server.addHandler(type, async (event: IncomingEvent) => void this.applied.push(`${event.caseId}:${event.type}`), true, extras);
  }

  async consume(messages: KafkaMessage[]): Promise<void> {
    const payload = {
      batch: { topic, partition: 0, messages, firstOffset: () => messages[0]?.offset ?? null },
      resolveOffset: (offset: string) => void (this.resolvedUpTo = offset),
      heartbeat: async () => undefined,
      pause: () => () => undefined,
      isRunning: () => true,
      isStale: () => false,
      commitOffsetsIfNecessary: async () => undefined,
    } as unknown as EachBatchPayload;
    await (this.server as unknown as { handleBatch(payload: EachBatchPayload): Promise<void> }).handleBatch(payload);
  }

  async ignored(type: string): Promise<number> {
    const metric = await this.metrics.consumed.get();
    return metric.values.filter((value) => value.labels.type === type && value.labels.outcome === 'ignored').reduce((sum, value) => sum + value.value, 0);
  }
}

describe('KafkaBatchServer: what it reads of a batch', () => {
  beforeAll(() => Logger.overrideLogger(false));
  it('acknowledges an event of a type no handler takes without decoding it, when its header names the type', async () => {
    const harness = new Harness();
    harness.handle(Events.CaseSubmitted.type);
    const unreadable = { ...messageOf(Events.CaseWithdrawn, 'a', 10), value: Buffer.from('not an envelope at all') };
    await harness.consume([unreadable]);
    expect(harness.deadLettered).toEqual([]);
    expect(harness.transactions).toEqual([]);
    expect(harness.resolvedUpTo).toBe('10');
    expect(await harness.ignored(Events.CaseWithdrawn.type)).toBe(1);
  });

  it('still reads the type from the envelope of a message without the header (written before it)', async () => {
    const harness = new Harness();
    harness.handle(Events.CaseSubmitted.type);
    await harness.consume([messageOf(Events.CaseWithdrawn, 'a', 1, { header: false }), messageOf(Events.CaseSubmitted, 'a', 2, { header: false })]);
    expect(harness.applied).toEqual([`a:${Events.CaseSubmitted.type}`]);
    expect(await harness.ignored(Events.CaseWithdrawn.type)).toBe(1);
    expect(harness.resolvedUpTo).toBe('2');
  });

  it("applies the handled events in each case's order, in one transaction that holds no inbox row for the skipped ones", async () => {
    const harness = new Harness();
    harness.handle(Events.CaseSubmitted.type);
    harness.handle(Events.CaseSupplemented.type);
    await harness.consume([
      messageOf(Events.CaseSubmitted, 'a', 1),
      messageOf(Events.CaseWithdrawn, 'a', 2),
      messageOf(Events.CaseSubmitted, 'b', 3),
      messageOf(Events.CaseSupplemented, 'a', 4),
      messageOf(Events.CaseWithdrawn, 'b', 5),
    ]);
    expect(harness.applied.filter((entry) => entry.startsWith('a:'))).toEqual([`a:${Events.CaseSubmitted.type}`, `a:${Events.CaseSupplemented.type}`]);
    expect(harness.applied).toContain(`b:${Events.CaseSubmitted.type}`);
    expect(harness.transactions.flat().map((key) => key.eventType)).not.toContain(Events.CaseWithdrawn.type);
    expect(harness.transactions.flat()).toHaveLength(3);
    expect(harness.resolvedUpTo).toBe('5');
    expect(await harness.ignored(Events.CaseWithdrawn.type)).toBe(2);
  });

  it("asks the inbox claim to take each applied event's case lock when the service names it, and none when it does not", async () => {
    const batch = () => [messageOf(Events.CaseSubmitted, 'a', 1), messageOf(Events.CaseWithdrawn, 'c', 2), messageOf(Events.CaseSubmitted, 'a', 3), messageOf(Events.CaseSubmitted, 'b', 4)];
    const claimed = async (harness: Harness) => {
      harness.handle(Events.CaseSubmitted.type);
      await harness.consume(batch());
      return harness.claimedLocks.map((locks) => locks.join(' ')).sort();
    };
    // Case a's two events in one transaction, case b's in another; case c's event is not handled.
    expect(await claimed(new Harness(64, (caseId) => `case:${caseId}`))).toEqual(['case:a case:a', 'case:b']);
    expect(await claimed(new Harness(1, (caseId) => `case:${caseId}`))).toEqual(['case:a', 'case:a', 'case:b']);
    expect(await claimed(new Harness())).toEqual(['', '']);
  });

  it('opens no transaction for a batch of events it does not handle, and commits past them', async () => {
    const harness = new Harness(1);
    harness.handle(Events.CaseSubmitted.type);
    await harness.consume([messageOf(Events.CaseWithdrawn, 'a', 7), messageOf(Events.CaseSupplemented, 'b', 8)]);
    expect(harness.transactions).toEqual([]);
    expect(harness.resolvedUpTo).toBe('8');
  });

  it('still decodes what a handler takes, and skips it when its relevance turns it down (no transaction)', async () => {
    const harness = new Harness();
    harness.handle(Events.CaseSubmitted.type, relevantWhen((event) => event.caseId === 'a'));
    await harness.consume([messageOf(Events.CaseSubmitted, 'a', 1), messageOf(Events.CaseSubmitted, 'b', 2)]);
    expect(harness.applied).toEqual([`a:${Events.CaseSubmitted.type}`]);
    expect(harness.transactions.flat()).toHaveLength(1);
  });

  it('dead-letters a message whose header names another type than its envelope', async () => {
    const harness = new Harness();
    harness.handle(Events.CaseSubmitted.type);
    const lying = { ...messageOf(Events.CaseWithdrawn, 'a', 3), headers: { 'event-type': Buffer.from(Events.CaseSubmitted.type) } } as unknown as KafkaMessage;
    await harness.consume([lying]);
    expect(harness.applied).toEqual([]);
    expect(harness.deadLettered).toEqual([{ offset: '3', code: 'event_type_mismatch' }]);
  });

  it('knows the event types its handlers take', () => {
    const harness = new Harness();
    harness.handle(Events.CaseSupplemented.type);
    harness.handle(Events.CaseSubmitted.type);
    expect(harness.server.handledEventTypes()).toEqual([Events.CaseSubmitted.type, Events.CaseSupplemented.type].sort());
  });
});

describe(declaredEventType.name, () => {
  it('reads the first value of the header, as a string, or nothing', () => {
    expect(declaredEventType({ 'event-type': Buffer.from('portal.case.submitted') })).toBe('portal.case.submitted');
    expect(declaredEventType({ 'event-type': ['a', 'b'] })).toBe('a');
    expect(declaredEventType({})).toBeUndefined();
    expect(declaredEventType(undefined)).toBeUndefined();
  });
});
