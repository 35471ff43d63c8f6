import { Logger } from '@nestjs/common';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { decodeEnvelope, decodeWith, eventDefinitionOf, type IncomingEvent } from '@work-permit/contracts';
import { runWithEventLogContext } from '@work-permit/observability';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { backoffMs, classifyFailure, failureCode, PermanentMessageError } from '../errors';
import { ConsumeOutcome, type MessagingMetrics } from '../messaging.metrics';
import type { ConsumerOptions } from '../messaging.options';
import type { UnitOfWork } from '../unit-of-work';
import { committableOffset, groupLanes, mapWithConcurrency, splitIntoLanes } from './case-lanes';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { KafkaEventContext } from './kafka-event.context';
import { isRelevantToAny } from './relevance';

type MessageResult = { outcome: ConsumeOutcome } | { outcome: 'blocked' };
type Route = { event: IncomingEvent; handler: MessageHandler } | { ignoredType: string } | { error: unknown };
type RoutedMessage = { message: KafkaMessage; route: { event: IncomingEvent; handler: MessageHandler } };

/**
 * The NestJS transport for the bus. Unlike the stock Kafka server (one message at a time for every
 * topic), it takes whole batches, runs partitions concurrently and, inside a partition, runs cases
 * concurrently while keeping each case's events in order. Handlers stay `@EventPattern(<event type>)`.
 *
 * The events of several cases are applied together in one transaction with their inbox rows (one
 * commit for many events, exactly once in effect); when that transaction fails, each event is applied
 * in its own. Transient failures are retried with backoff; when they persist the partition pauses and
 * resumes from that message later, so nothing is lost. Permanent failures go to the dead-letter topic
 * and the partition moves on.
 */
export class KafkaBatchServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaBatchServer.name);
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: ConsumerOptions,
    private readonly unitOfWork: UnitOfWork,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly metrics: MessagingMetrics,
  ) {
    super();
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
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning });
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: true,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    callback();
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  on(): never {
    throw new Error('KafkaBatchServer does not support event listeners');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('KafkaBatchServer is not listening');
    return this.consumer as T;
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, pause, isRunning, isStale, commitOffsetsIfNecessary }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0) return;
    const { topic, partition } = batch;
    const lanes = splitIntoLanes(batch.messages);
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
    if (commitUpTo !== undefined) resolveOffset(commitUpTo);
    await commitOffsetsIfNecessary();
    if (earliestBlocked !== undefined && isRunning() && !isStale()) {
      const { initialBackoffMs, maxBackoffMs } = this.options.retry;
      const resume = pause();
      setTimeout(resume, maxBackoffMs || initialBackoffMs).unref();
      this.log.warn(`${topic}[${partition}] paused at offset ${earliestBlocked} after transient failures; resuming in ${maxBackoffMs} ms`);
    }
  }

  /**
   * Several cases' lanes: their events applied together in one transaction when there is more than one,
   * else (and after that transaction failed, so a poison event goes alone to the dead-letter topic and a
   * transient failure is retried on its own) one transaction per event. Returns, per lane, the offset it
   * stopped at, if any.
   */
  private async handleChunk(topic: string, partition: number, lanes: KafkaMessage[][], running: () => boolean): Promise<(string | undefined)[]> {
    const routed = lanes.map((lane) => lane.map((message) => ({ message, route: this.tryRoute(message) })));
    const applicable = routed.flat().filter((entry) => 'event' in entry.route);
    const undecodable = routed.flat().some((entry) => 'error' in entry.route);
    const together = this.options.eventsPerTransaction > 1 && applicable.length > 1 && !undecodable;
    if (together && (await this.applyTogether(topic, partition, applicable as RoutedMessage[], routed.flat()))) return lanes.map(() => undefined);
    const stoppedAt: (string | undefined)[] = [];
    for (const lane of routed) stoppedAt.push(await this.handleLane(topic, partition, lane, running));
    return stoppedAt;
  }

  /** One case's events, one transaction each, in order; the offset it stopped at, if it had to. */
  private async handleLane(topic: string, partition: number, lane: { message: KafkaMessage; route: Route }[], running: () => boolean): Promise<string | undefined> {
    for (const { message, route } of lane) {
      if (!running()) return message.offset;
      const result = await this.handleRouted(topic, partition, message, route);
      if (result.outcome === 'blocked') return message.offset;
    }
    return undefined;
  }

  /** The batch's new events in one transaction with their inbox rows; false (nothing kept) when any of them failed. */
  private async applyTogether(topic: string, partition: number, applicable: RoutedMessage[], all: { route: Route }[]): Promise<boolean> {
    const keys = applicable.map(({ route }) => this.inboxKey(topic, route.event));
    const startedAt = performance.now();
    let duplicates: boolean[];
    try {
      duplicates = await this.unitOfWork.runOnceEach(keys, async (tx, index) => {
        const { message, route } = applicable[index];
        await runWithEventLogContext(this.bindings(topic, partition, message, route.event), async () => {
          const context = new KafkaEventContext([route.event, tx, { topic, partition, offset: message.offset }]);
          await lastValueFrom(this.transformToObservable(await route.handler(route.event, context)), { defaultValue: undefined });
        });
      });
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
    for (const { route } of all) if ('ignoredType' in route) this.metrics.consumed.inc({ topic, type: route.ignoredType, outcome: ConsumeOutcome.Ignored });
    return true;
  }

  private async handleRouted(topic: string, partition: number, message: KafkaMessage, route: Route): Promise<MessageResult> {
    if ('error' in route) return this.deadLetter(topic, partition, message, 'unknown', route.error, undefined);
    if ('ignoredType' in route) {
      this.metrics.consumed.inc({ topic, type: route.ignoredType, outcome: ConsumeOutcome.Ignored });
      return { outcome: ConsumeOutcome.Ignored };
    }
    return runWithEventLogContext(this.bindings(topic, partition, message, route.event), () => this.apply(topic, partition, message, route.event, route.handler));
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

  private inboxKey(topic: string, event: IncomingEvent) {
    return { consumerGroup: this.options.groupId, eventId: event.eventId, eventType: event.type, topic };
  }

  /**
   * Decodes the envelope and finds its handler; a type nobody here handles is ignored, not decoded,
   * and so is an event its handler declares irrelevant (`relevantWhen`).
   */
  private route(message: KafkaMessage): { event: IncomingEvent; handler: MessageHandler } | { ignoredType: string } {
    const envelope = decodeEnvelope(message.value ?? Buffer.alloc(0));
    const handler = this.getHandlerByPattern(envelope.type);
    if (!handler) return { ignoredType: envelope.type };
    const definition = eventDefinitionOf(envelope.type);
    if (!definition) throw new PermanentMessageError('unknown_event_type', `no schema for event type ${envelope.type}`);
    const event = decodeWith(definition, envelope);
    if (!isRelevantToAny(handler, event)) return { ignoredType: envelope.type };
    return { event, handler };
  }

  private async apply(topic: string, partition: number, message: KafkaMessage, event: IncomingEvent, handler: MessageHandler): Promise<MessageResult> {
    const inboxKey = this.inboxKey(topic, event);
    const { maxAttempts, initialBackoffMs, maxBackoffMs } = this.options.retry;
    for (let attempt = 1; ; attempt += 1) {
      const stopTimer = this.metrics.handlingDuration.startTimer({ topic, type: event.type });
      try {
        const result = await this.unitOfWork.runOnce(inboxKey, async (tx) => {
          const context = new KafkaEventContext([event, tx, { topic, partition, offset: message.offset }]);
          await lastValueFrom(this.transformToObservable(await handler(event, context)), { defaultValue: undefined });
        });
        stopTimer();
        const outcome = result.duplicate ? ConsumeOutcome.Duplicate : ConsumeOutcome.Processed;
        this.metrics.consumed.inc({ topic, type: event.type, outcome });
        return { outcome };
      } catch (error) {
        stopTimer();
        if (classifyFailure(error) === 'permanent') return this.deadLetter(topic, partition, message, event.type, error, inboxKey);
        this.metrics.consumed.inc({ topic, type: event.type, outcome: ConsumeOutcome.Retried });
        if (attempt >= maxAttempts) {
          this.log.warn(`${event.type} ${event.eventId} still failing after ${attempt} attempts: ${(error as Error).message}`);
          return { outcome: 'blocked' };
        }
        await sleep(backoffMs(attempt, initialBackoffMs, maxBackoffMs));
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    type: string,
    error: unknown,
    inboxKey: Parameters<UnitOfWork['markDeadLettered']>[0] | undefined,
  ): Promise<MessageResult> {
    const code = failureCode(error);
    const reason = error instanceof Error ? error.message : String(error);
    try {
      await this.deadLetters.publish(topic, partition, message, { code, message: reason, consumerGroup: this.options.groupId });
      if (inboxKey) await this.unitOfWork.markDeadLettered(inboxKey);
    } catch (publishError) {
      this.log.error(`could not dead-letter ${topic}[${partition}]@${message.offset}: ${(publishError as Error).message}`);
      return { outcome: 'blocked' };
    }
    this.log.error(`dead-lettered ${type} from ${topic}[${partition}]@${message.offset}: ${code}: ${reason}`);
    this.metrics.consumed.inc({ topic, type, outcome: ConsumeOutcome.DeadLettered });
    return { outcome: ConsumeOutcome.DeadLettered };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
