import { Logger } from '@nestjs/common';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { deadLetterTopicOfGroup, decodeEnvelope, decodeWith, eventDefinitionOf, type IncomingEvent } from '@work-permit/contracts';
import { runWithEventLogContext } from '@work-permit/observability';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { type RawHeaders, resolutionOf, undecodableEventId } from '../dead-letters/dead-letter-records';
import { backoffMs, failureCode, failureDisposition, PermanentMessageError } from '../errors';
import { ConsumeOutcome, type MessagingMetrics } from '../messaging.metrics';
import type { ConsumerOptions } from '../messaging.options';
import type { UnitOfWork } from '../unit-of-work';
import { committableOffset, groupLanes, mapWithConcurrency, splitIntoLanes } from './case-lanes';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { KafkaEventContext } from './kafka-event.context';
import { PeriodicOffsetCommits } from './periodic-offset-commits';
import { isRelevantToAny } from './relevance';

/** The header the outbox writes with every event (`Transaction.publish`): its type, readable without decoding the envelope. */
export const EVENT_TYPE_HEADER = 'event-type';

type MessageResult = { outcome: ConsumeOutcome } | { outcome: 'blocked' };
type Route = { event: IncomingEvent; handler: MessageHandler } | { ignoredType: string } | { error: unknown };
/** A message of a batch and where it goes: a handler, or the dead-letter topic (it did not decode). Ignored ones never get this far. */
type Entry = { key: KafkaMessage['key']; offset: string; message: KafkaMessage; route: Exclude<Route, { ignoredType: string }> };
type RoutedMessage = { message: KafkaMessage; route: { event: IncomingEvent; handler: MessageHandler } };
/** What is known of a message that is dead-lettered: its event id and type, else a stand-in for its position. */
type MessageIdentity = { eventId: string; eventType: string; decoded: boolean };

/**
 * The NestJS transport for the bus. Unlike the stock Kafka server (one message at a time for every
 * topic), it takes whole batches, runs partitions concurrently and, inside a partition, runs cases
 * concurrently while keeping each case's events in order. Handlers stay `@EventPattern(<event type>)`.
 *
 * The events of several cases are applied together in one transaction with their inbox rows (one
 * commit for many events, exactly once in effect); when that transaction fails, each event is applied
 * in its own. Transient failures are retried with backoff; when they persist the partition pauses and
 * resumes from that message later, so nothing is lost. Unknown failures (a bug) are retried a few times,
 * then count as permanent. Permanent failures go to the group's dead-letter topic (`<group>.dlq`) and the
 * partition moves on.
 *
 * The consumer also reads its group's dead-letter topic, where it applies only the replay records an
 * operator wrote (`DeadLetters.replay`): the original event, once, through the inbox. Dead letters and
 * discard records it passes over (a discard marks the event's inbox row `discarded`).
 */
export class KafkaBatchServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaBatchServer.name);
  private consumer?: Consumer;
  private readonly deadLetterTopic: string;
  /** Set when offsets are committed every `offsetCommitIntervalMs` rather than after each batch. */
  private offsetCommits?: PeriodicOffsetCommits;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: ConsumerOptions,
    private readonly unitOfWork: UnitOfWork,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly metrics: MessagingMetrics,
  ) {
    super();
    this.deadLetterTopic = deadLetterTopicOfGroup(options.groupId);
  }

  async listen(callback: (...optionalParams: unknown[]) => void): Promise<void> {
    if (this.options.topics.length === 0) {
      callback();
      return;
    }
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: Math.floor(this.options.sessionTimeoutMs / 10),
      maxWaitTimeInMs: 250,
    });
    this.consumer = consumer;
    const interval = this.options.offsetCommitIntervalMs;
    if (interval > 0) {
      const commits = new PeriodicOffsetCommits((offsets) => consumer.commitOffsets(offsets), interval, (error) =>
        this.log.warn(`offsets not committed, kept for the next commit: ${(error as Error).message}`),
      );
      this.offsetCommits = commits;
      // What is handled goes to the broker before the partitions move, so their next reader starts there.
      consumer.on(consumer.events.REBALANCING, () => void commits.flush());
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => commits.retain(payload.memberAssignment));
      commits.start();
    }
    await consumer.connect();
    this.log.log(`${this.options.groupId} reads ${this.options.topics.join(', ')} for ${this.handledEventTypes().length} event types; the others are acknowledged unread`);
    // Its own dead-letter topic too: for the replay records, which only this group reads.
    await consumer.subscribe({ topics: [...new Set([...this.options.topics, this.deadLetterTopic])], fromBeginning: this.options.fromBeginning });
    await consumer.run({
      eachBatchAutoResolve: false,
      // Committed every interval by `offsetCommits` when set, else by kafkajs after each batch.
      autoCommit: this.offsetCommits === undefined,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    callback();
  }

  async close(): Promise<void> {
    await this.offsetCommits?.stop();
    this.offsetCommits = undefined;
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  /** The event types this service's handlers take, as Nest registered them: the only messages it decodes. */
  handledEventTypes(): string[] {
    return [...this.messageHandlers].filter(([, handler]) => handler.isEventHandler).map(([type]) => type).sort();
  }

  on(): never {
    throw new Error('KafkaBatchServer does not support event listeners');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('KafkaBatchServer is not listening');
    return this.consumer as T;
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    if (payload.batch.messages.length === 0) return;
    if (payload.batch.topic === this.deadLetterTopic) return this.handleResolutions(payload);
    const { batch, resolveOffset, heartbeat, pause, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const { topic, partition } = batch;
    // What no handler here takes is acknowledged first, most of it without decoding (`route`): it takes
    // no place in a lane or a transaction, and its offset is committed with the batch's.
    const entries = this.entriesToHandle(topic, batch.messages);
    const lanes = splitIntoLanes(entries);
    const groups = groupLanes(lanes, this.options.keyConcurrency, this.options.eventsPerTransaction);
    const blockedByGroup = await mapWithConcurrency(groups, this.options.keyConcurrency, async (group) => {
      const blocked: (string | undefined)[] = [];
      for (const chunk of group) {
        if (!isRunning() || isStale()) {
          blocked.push(...chunk.map((lane) => lane[0].offset));
          continue;
        }
        blocked.push(...(await this.handleChunk(topic, partition, chunk, () => isRunning() && !isStale())));
        await heartbeat();
      }
      return blocked;
    });
    const earliestBlocked = blockedByGroup
      .flat()
      .filter((o): o is string => o !== undefined)
      .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0];
    const commitUpTo = committableOffset(batch.firstOffset() ?? batch.messages[0].offset, batch.messages[batch.messages.length - 1].offset, earliestBlocked);
    if (commitUpTo !== undefined) this.resolved(topic, partition, commitUpTo, resolveOffset);
    if (!this.offsetCommits) await commitOffsetsIfNecessary();
    if (earliestBlocked !== undefined && isRunning() && !isStale()) this.pauseAfterTransientFailures(topic, partition, earliestBlocked, pause);
  }

  /** The batch's messages a handler here takes or that must be dead-lettered, in offset order; the others counted as ignored. */
  private entriesToHandle(topic: string, messages: KafkaMessage[]): Entry[] {
    const entries: Entry[] = [];
    for (const message of messages) {
      const route = this.tryRoute(message);
      if ('ignoredType' in route) this.metrics.consumed.inc({ topic, type: route.ignoredType, outcome: ConsumeOutcome.Ignored });
      else entries.push({ key: message.key, offset: message.offset, message, route });
    }
    return entries;
  }

  /** `offset` and every message before it are handled: for kafkajs, and for the next periodic commit when there is one. */
  private resolved(topic: string, partition: number, offset: string, resolveOffset: (offset: string) => void): void {
    resolveOffset(offset);
    this.offsetCommits?.handled(topic, partition, offset);
  }

  private pauseAfterTransientFailures(topic: string, partition: number, offset: string, pause: () => () => void): void {
    const { initialBackoffMs, maxBackoffMs } = this.options.retry;
    const resume = pause();
    setTimeout(resume, maxBackoffMs || initialBackoffMs).unref();
    this.log.warn(`${topic}[${partition}] paused at offset ${offset} after transient failures; resuming in ${maxBackoffMs} ms`);
  }

  /**
   * A batch of the group's own dead-letter topic, in offset order: replay records are applied (each
   * like the original message, from its source topic), discard records mark the inbox, the rest is
   * passed over.
   */
  private async handleResolutions({ batch, resolveOffset, heartbeat, pause, isRunning, isStale, commitOffsetsIfNecessary }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    let blockedAt: string | undefined;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      const result = await this.applyResolution(partition, message);
      if (result.outcome === 'blocked') {
        blockedAt = message.offset;
        break;
      }
      this.resolved(topic, partition, message.offset, resolveOffset);
      await heartbeat();
    }
    if (!this.offsetCommits) await commitOffsetsIfNecessary();
    if (blockedAt !== undefined && isRunning() && !isStale()) this.pauseAfterTransientFailures(topic, partition, blockedAt, pause);
  }

  private async applyResolution(partition: number, message: KafkaMessage): Promise<MessageResult> {
    const resolution = resolutionOf({ partition, offset: message.offset, headers: message.headers ?? {} });
    // A dead letter, or (never written by this library) a record naming another group.
    if (!resolution || resolution.consumerGroup !== this.options.groupId) return { outcome: ConsumeOutcome.Ignored };
    const { source } = resolution;
    if (resolution.resolution === 'discard') {
      try {
        await this.unitOfWork.markDiscarded({ consumerGroup: this.options.groupId, eventId: resolution.eventId ?? undecodableEventId(source) });
      } catch (error) {
        this.log.warn(`could not record the discard of dead letter ${resolution.resolves}: ${(error as Error).message}`);
        return { outcome: 'blocked' };
      }
      this.log.log(`dead letter ${resolution.resolves} of ${this.deadLetterTopic} discarded by ${resolution.actor}`);
      return { outcome: ConsumeOutcome.Ignored };
    }
    // The original message as it was on its source topic: its key, value and the producer's headers.
    const original = { ...message, headers: resolution.originalHeaders as IHeaders, offset: source.offset } as KafkaMessage;
    this.log.log(`replaying dead letter ${resolution.resolves} of ${this.deadLetterTopic} (${source.topic}[${source.partition}]@${source.offset}) for ${resolution.actor}`);
    return this.handleRouted(source.topic, source.partition, original, this.tryRoute(original), resolution.resolves);
  }

  /**
   * Several cases' lanes: their events applied together in one transaction when there is more than one,
   * else (and after that transaction failed, so a poison event goes alone to the dead-letter topic and a
   * transient failure is retried on its own) one transaction per event. Returns, per lane, the offset it
   * stopped at, if any.
   */
  private async handleChunk(topic: string, partition: number, lanes: Entry[][], running: () => boolean): Promise<(string | undefined)[]> {
    const entries = lanes.flat();
    const applicable = entries.filter((entry): entry is RoutedMessage & Entry => 'event' in entry.route);
    const undecodable = applicable.length < entries.length;
    const together = this.options.eventsPerTransaction > 1 && applicable.length > 1 && !undecodable;
    if (together && (await this.applyTogether(topic, partition, applicable))) return lanes.map(() => undefined);
    const stoppedAt: (string | undefined)[] = [];
    for (const lane of lanes) stoppedAt.push(await this.handleLane(topic, partition, lane, running));
    return stoppedAt;
  }

  /** One case's events, one transaction each, in order; the offset it stopped at, if it had to. */
  private async handleLane(topic: string, partition: number, lane: Entry[], running: () => boolean): Promise<string | undefined> {
    for (const { message, route } of lane) {
      if (!running()) return message.offset;
      const result = await this.handleRouted(topic, partition, message, route);
      if (result.outcome === 'blocked') return message.offset;
    }
    return undefined;
  }

  /** The batch's new events in one transaction with their inbox rows; false (nothing kept) when any of them failed. */
  private async applyTogether(topic: string, partition: number, applicable: RoutedMessage[]): Promise<boolean> {
    const keys = applicable.map(({ route }) => this.inboxKey(topic, route.event));
    const startedAt = performance.now();
    let duplicates: boolean[];
    try {
      duplicates = await this.unitOfWork.runOnceEach(
        keys,
        async (tx, index) => {
          const { message, route } = applicable[index];
          await runWithEventLogContext(this.bindings(topic, partition, message, route.event), async () => {
            const context = new KafkaEventContext([route.event, tx, { topic, partition, offset: message.offset }]);
            await lastValueFrom(this.transformToObservable(await route.handler(route.event, context)), { defaultValue: undefined });
          });
        },
        this.caseLocksOf(applicable.map(({ route }) => route.event)),
      );
    } catch (error) {
      this.metrics.batchFallbacks.inc({ topic, code: failureCode(error) });
      this.log.debug(`${applicable.length} events of ${topic}[${partition}] could not be applied together (${(error as Error).message}); applying them one by one`);
      return false;
    }
    const perEvent = (performance.now() - startedAt) / 1000 / applicable.length;
    applicable.forEach(({ route }, index) => {
      this.metrics.handlingDuration.observe({ topic, type: route.event.type }, perEvent);
      this.metrics.consumed.inc({ topic, type: route.event.type, outcome: duplicates[index] ? ConsumeOutcome.Duplicate : ConsumeOutcome.Processed });
    });
    return true;
  }

  /** The case locks the handlers will take for `events`, when the service says which (`caseLockKey`). */
  private caseLocksOf(events: readonly IncomingEvent[]): string[] {
    const { caseLockKey } = this.options;
    return caseLockKey ? events.filter((event) => event.caseId !== '').map((event) => caseLockKey(event.caseId)) : [];
  }

  private async handleRouted(topic: string, partition: number, message: KafkaMessage, route: Route, replayOf?: string): Promise<MessageResult> {
    if ('error' in route) {
      const identity = this.identify(topic, partition, message);
      return this.deadLetter(topic, partition, message, identity, route.error, { ...this.inboxKey(topic, { eventId: identity.eventId, type: identity.eventType }), replayOf });
    }
    if ('ignoredType' in route) {
      this.metrics.consumed.inc({ topic, type: route.ignoredType, outcome: ConsumeOutcome.Ignored });
      return { outcome: ConsumeOutcome.Ignored };
    }
    return runWithEventLogContext(this.bindings(topic, partition, message, route.event), () => this.apply(topic, partition, message, route.event, route.handler, replayOf));
  }

  /** The event id and type of a message that did not route, from its envelope if it decodes, else a stand-in for its position. */
  private identify(topic: string, partition: number, message: KafkaMessage): MessageIdentity {
    try {
      const envelope = decodeEnvelope(message.value ?? Buffer.alloc(0));
      return { eventId: envelope.eventId, eventType: envelope.type, decoded: true };
    } catch {
      return { eventId: undecodableEventId({ topic, partition, offset: message.offset }), eventType: 'undecodable', decoded: false };
    }
  }

  private tryRoute(message: KafkaMessage): Route {
    try {
      return this.route(message);
    } catch (error) {
      return { error };
    }
  }

  private bindings(topic: string, partition: number, message: KafkaMessage, event: IncomingEvent) {
    return { eventId: event.eventId, type: event.type, caseId: event.caseId, correlationId: event.correlationId, topic, partition, offset: message.offset };
  }

  private inboxKey(topic: string, event: Pick<IncomingEvent, 'eventId' | 'type'>) {
    return { consumerGroup: this.options.groupId, eventId: event.eventId, eventType: event.type, topic };
  }

  /**
   * Finds the event's handler and decodes it for it. A type no handler here takes is ignored without
   * decoding anything when the producer named it in the `event-type` header (the outbox always does),
   * else after decoding the envelope alone; so is an event its handler declares irrelevant
   * (`relevantWhen`). A header that names another type than the envelope is a permanent error.
   */
  private route(message: KafkaMessage): { event: IncomingEvent; handler: MessageHandler } | { ignoredType: string } {
    const declared = declaredEventType(message.headers);
    if (declared !== undefined && !this.handlerOf(declared)) return { ignoredType: declared };
    const envelope = decodeEnvelope(message.value ?? Buffer.alloc(0));
    if (declared !== undefined && declared !== envelope.type) {
      throw new PermanentMessageError('event_type_mismatch', `header ${EVENT_TYPE_HEADER} says ${declared}, the envelope ${envelope.type}`);
    }
    const handler = this.handlerOf(envelope.type);
    if (!handler) return { ignoredType: envelope.type };
    const definition = eventDefinitionOf(envelope.type);
    if (!definition) throw new PermanentMessageError('unknown_event_type', `no schema for event type ${envelope.type}`);
    const event = decodeWith(definition, envelope);
    if (!isRelevantToAny(handler, event)) return { ignoredType: envelope.type };
    return { event, handler };
  }

  /** The handler of an event type: patterns are event types, so the route is the type itself (no JSON attempt per message). */
  private handlerOf(type: string): MessageHandler | undefined {
    const handler = this.messageHandlers.get(type);
    return handler?.isEventHandler ? handler : undefined;
  }

  /**
   * One event in its own transaction with its inbox row. Known-transient failures are retried with
   * backoff and then block the partition (never dead-lettered); unknown ones are retried
   * `retry.unknownErrorAttempts` times and then dead-lettered as permanent; known-permanent ones are
   * dead-lettered at once. A replay (`replayOf`, the dead letter it replays) passes an inbox row that
   * says dead-lettered or discarded, once.
   */
  private async apply(topic: string, partition: number, message: KafkaMessage, event: IncomingEvent, handler: MessageHandler, replayOf?: string): Promise<MessageResult> {
    const inboxKey = this.inboxKey(topic, event);
    const { maxAttempts, unknownErrorAttempts = 3, initialBackoffMs, maxBackoffMs } = this.options.retry;
    const failures = { transient: 0, unknown: 0 };
    for (let attempt = 1; ; attempt += 1) {
      const stopTimer = this.metrics.handlingDuration.startTimer({ topic, type: event.type });
      try {
        const result = await this.unitOfWork.runOnce(
          inboxKey,
          async (tx) => {
            const context = new KafkaEventContext([event, tx, { topic, partition, offset: message.offset }]);
            await lastValueFrom(this.transformToObservable(await handler(event, context)), { defaultValue: undefined });
          },
          { replay: replayOf !== undefined, locks: this.caseLocksOf([event]) },
        );
        stopTimer();
        const outcome = result.duplicate ? ConsumeOutcome.Duplicate : ConsumeOutcome.Processed;
        this.metrics.consumed.inc({ topic, type: event.type, outcome });
        if (replayOf !== undefined) this.log.log(`dead letter ${replayOf}: ${event.type} ${event.eventId} ${result.duplicate ? 'was applied before; nothing to do' : 'applied'}`);
        return { outcome };
      } catch (error) {
        stopTimer();
        const disposition = failureDisposition(error);
        if (disposition !== 'permanent') failures[disposition] += 1;
        if (disposition === 'permanent' || failures.unknown >= unknownErrorAttempts) {
          const identity = { eventId: event.eventId, eventType: event.type, decoded: true };
          return this.deadLetter(topic, partition, message, identity, error, { ...inboxKey, replayOf });
        }
        this.metrics.consumed.inc({ topic, type: event.type, outcome: ConsumeOutcome.Retried });
        if (disposition === 'unknown') this.log.warn(`${event.type} ${event.eventId} failed (${failures.unknown} of ${unknownErrorAttempts} attempts before it is dead-lettered): ${(error as Error).message}`);
        if (failures.transient >= maxAttempts) {
          this.log.warn(`${event.type} ${event.eventId} still failing after ${attempt} attempts: ${(error as Error).message}`);
          return { outcome: 'blocked' };
        }
        await sleep(backoffMs(attempt, initialBackoffMs, maxBackoffMs));
      }
    }
  }

  /**
   * Parks the message on the group's dead-letter topic and records its inbox row as dead-lettered (so
   * a redelivery is not parked twice, and the waiting dead letters can be counted). Blocks the
   * partition when the dead-letter topic cannot be written.
   */
  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    identity: MessageIdentity,
    error: unknown,
    { replayOf, ...inboxKey }: Parameters<UnitOfWork['markDeadLettered']>[0] & { replayOf?: string },
  ): Promise<MessageResult> {
    const code = failureCode(error);
    const reason = error instanceof Error ? error.message : String(error);
    try {
      await this.deadLetters.publish({ topic, partition, offset: message.offset }, message, {
        code,
        message: reason,
        consumerGroup: this.options.groupId,
        ...(identity.decoded && { eventType: identity.eventType, eventId: identity.eventId }),
        replayOf,
      });
      await this.unitOfWork.markDeadLettered(inboxKey);
    } catch (publishError) {
      this.log.error(`could not dead-letter ${topic}[${partition}]@${message.offset}: ${(publishError as Error).message}`);
      return { outcome: 'blocked' };
    }
    this.log.error(`dead-lettered ${identity.eventType} from ${topic}[${partition}]@${message.offset} to ${this.deadLetterTopic}${replayOf ? ` (replay of ${replayOf})` : ''}: ${code}: ${reason}`);
    this.metrics.consumed.inc({ topic, type: identity.eventType, outcome: ConsumeOutcome.DeadLettered });
    return { outcome: ConsumeOutcome.DeadLettered };
  }
}

/** The event type the producer put in the message's headers, if any. */
export function declaredEventType(headers: RawHeaders | undefined): string | undefined {
  const value = headers?.[EVENT_TYPE_HEADER];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === null ? undefined : first.toString();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
