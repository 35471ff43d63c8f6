import { type JsonValue, toJson } from '@bufbuild/protobuf';
import { deadLetterReaderGroupPrefixOf, deadLetterTopicOfGroup, decodeEnvelope, decodeWith, eventDefinitionOf } from '@work-permit/contracts';
import { maskPersonalData } from '@work-permit/observability';
import type { Kafka } from 'kafkajs';
import { TopicHistory } from '../history/topic-history';
import { createKafka, type KafkaClientOptions } from '../kafka/kafka-client';
import {
  type DeadLetter,
  type DeadLetterTopicRecord,
  discardRecordOf,
  formatDeadLetterId,
  type OutgoingRecord,
  pairResolutions,
  parseDeadLetterId,
  replayRecordOf,
  resolutionOf,
} from './dead-letter-records';

/** The throw-away consumer groups the operations read with start with it (an operator's Kafka user needs Read on this group prefix). */

/** The group's dead-letter topic is not on the broker (or not visible to this user). */
export class DeadLetterTopicNotFoundError extends Error {
  override readonly name = 'DeadLetterTopicNotFoundError';
  constructor(readonly topic: string) {
    super(`no dead-letter topic ${topic} on the broker (or this user may not read it)`);
  }
}

/** The dead letter asked for is not in the group's dead-letter topic. */
export class DeadLetterNotFoundError extends Error {
  override readonly name = 'DeadLetterNotFoundError';
}

/** One dead letter with its event decoded, personal fields masked unless asked for. */
export interface DeadLetterDetail extends DeadLetter {
  topic: string;
  /** The envelope and its payload as JSON (protobuf JSON names), when it decodes. */
  event?: {
    eventId: string;
    type: string;
    schemaVersion: number;
    caseId: string;
    producer: string;
    occurredAt: string;
    correlationId: string;
    causationId: string;
    payload: JsonValue | null;
  };
  /** Why the event could not be shown decoded. */
  undecodable?: string;
  /** Whether personal fields were replaced by `[redacted]`. */
  masked: boolean;
}

export type ResolutionOutcome =
  | { id: string; outcome: 'written'; resolutionId: string }
  | { id: string; outcome: 'not_found' }
  | { id: string; outcome: 'not_a_dead_letter' }
  | { id: string; outcome: 'already_resolved'; status: DeadLetter['status'] };

export interface ResolveOptions {
  /** Resolve a dead letter that was already replayed or discarded (a second replay is still applied at most once). */
  force?: boolean;
}

/**
 * An operator's view of a consumer group's dead letters, and the two ways to resolve one. Everything
 * stays in the group's own dead-letter topic (`<group>.dlq`): `replay` and `discard` append resolution
 * records there; the group's consumer applies a replay record (once, through its inbox) and only the
 * group's consumer reads that topic, so no other service's topic is ever written. Reads use a
 * throw-away consumer group (`<group>.dlq-reader-…`, which the group's ACLs allow), leaving the service's offsets alone.
 */
export class DeadLetters {
  private readonly history: TopicHistory;

  constructor(
    private readonly kafka: Kafka,
    private readonly readOptions: { idleTimeoutMs?: number } = {},
  ) {
    this.history = new TopicHistory(kafka);
  }

  /** The group's dead letters in topic order, each with its resolutions (waiting, replayed or discarded). */
  async list(group: string): Promise<DeadLetter[]> {
    return pairResolutions(await this.records(group));
  }

  /** One dead letter, its event decoded to JSON; personal fields masked unless `reveal`. */
  async show(group: string, id: string, { reveal = false } = {}): Promise<DeadLetterDetail> {
    const wanted = formatDeadLetterId(parseDeadLetterId(id));
    const records = await this.records(group);
    const record = records.find((candidate) => formatDeadLetterId(candidate) === wanted);
    const deadLetter = pairResolutions(records).find((candidate) => candidate.id === wanted);
    if (!record || !deadLetter) throw new DeadLetterNotFoundError(`no dead letter ${wanted} in ${deadLetterTopicOfGroup(group)}`);
    const decoded = decodeForDisplay(record.value);
    const masked = !reveal;
    return {
      ...deadLetter,
      topic: deadLetterTopicOfGroup(group),
      ...('event' in decoded ? { event: { ...decoded.event, payload: masked ? (maskPersonalData(decoded.event.payload) as JsonValue | null) : decoded.event.payload } } : decoded),
      masked,
    };
  }

  /** Replays the dead letters (`all`: every waiting one) to the group's consumer, which applies each once. */
  async replay(group: string, selection: readonly string[] | 'all', actor: string, options: ResolveOptions = {}): Promise<ResolutionOutcome[]> {
    return this.resolve(group, selection, options, (record) => replayRecordOf(record, { actor }));
  }

  /** Discards the dead letters (`all`: every waiting one), keeping the reason. */
  async discard(group: string, selection: readonly string[] | 'all', reason: string, actor: string, options: ResolveOptions = {}): Promise<ResolutionOutcome[]> {
    if (!reason.trim()) throw new Error('a discard needs a reason');
    return this.resolve(group, selection, options, (record) => discardRecordOf(record, { actor, reason }));
  }

  private async resolve(
    group: string,
    selection: readonly string[] | 'all',
    { force = false }: ResolveOptions,
    recordOf: (record: DeadLetterTopicRecord) => OutgoingRecord,
  ): Promise<ResolutionOutcome[]> {
    if (!group.trim()) throw new Error('a consumer group is required');
    const wanted = selection === 'all' ? undefined : selection.map((id) => formatDeadLetterId(parseDeadLetterId(id)));
    const records = await this.records(group);
    const byId = new Map(records.map((record) => [formatDeadLetterId(record), record]));
    const deadLetters = new Map(pairResolutions(records).map((deadLetter) => [deadLetter.id, deadLetter]));
    const ids = wanted ?? [...deadLetters.values()].filter((deadLetter) => deadLetter.status === 'waiting').map((deadLetter) => deadLetter.id);
    const outcomes: ResolutionOutcome[] = [];
    const toWrite: { id: string; record: OutgoingRecord }[] = [];
    for (const id of ids) {
      const record = byId.get(id);
      const deadLetter = deadLetters.get(id);
      if (!record) outcomes.push({ id, outcome: 'not_found' });
      else if (resolutionOf(record) || !deadLetter) outcomes.push({ id, outcome: 'not_a_dead_letter' });
      else if (deadLetter.status !== 'waiting' && !force) outcomes.push({ id, outcome: 'already_resolved', status: deadLetter.status });
      else toWrite.push({ id, record: recordOf(record) });
    }
    if (toWrite.length > 0) {
      const topic = deadLetterTopicOfGroup(group);
      const producer = this.kafka.producer({ allowAutoTopicCreation: false });
      await producer.connect();
      try {
        // One send per record, in order, so each resolution's own id is known.
        for (const { id, record } of toWrite) {
          const [metadata] = await producer.send({ topic, acks: -1, messages: [record] });
          outcomes.push({ id, outcome: 'written', resolutionId: `${metadata.partition}:${metadata.baseOffset ?? metadata.offset ?? '?'}` });
        }
      } finally {
        await producer.disconnect();
      }
    }
    const order = new Map(ids.map((id, index) => [id, index]));
    return outcomes.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  /** Every record of the group's dead-letter topic as it stands now. */
  private async records(group: string): Promise<DeadLetterTopicRecord[]> {
    const topic = deadLetterTopicOfGroup(group);
    // Asked first, so a wrong group is one clear answer rather than the client's retries. Under ACLs
    // the broker lists only the topics this user may describe.
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(topic)) throw new DeadLetterTopicNotFoundError(topic);
    } finally {
      await admin.disconnect();
    }
    try {
      const messages = await this.history.read([topic], { groupPrefix: deadLetterReaderGroupPrefixOf(group), ...this.readOptions });
      return messages.map((message) => ({
        partition: message.partition,
        offset: message.offset.toString(),
        key: message.key ?? null,
        value: message.value.length > 0 ? message.value : null,
        headers: message.headers ?? {},
      }));
    } catch (error) {
      if (/does not host this topic-partition|UNKNOWN_TOPIC_OR_PARTITION|TOPIC_AUTHORIZATION_FAILED|not authorized to access topics/i.test(`${(error as Error).message} ${(error as { type?: string }).type ?? ''}`)) {
        throw new DeadLetterTopicNotFoundError(topic);
      }
      throw error;
    }
  }
}

/** The envelope and payload as JSON, or why they cannot be shown. */
function decodeForDisplay(value: Buffer | null): { event: NonNullable<DeadLetterDetail['event']> } | { undecodable: string } {
  try {
    const envelope = decodeEnvelope(value ?? Buffer.alloc(0));
    const definition = eventDefinitionOf(envelope.type);
    const event = definition ? decodeWith(definition, envelope) : undefined;
    return {
      event: {
        eventId: envelope.eventId,
        type: envelope.type,
        schemaVersion: envelope.schemaVersion,
        caseId: envelope.caseId,
        producer: envelope.producer,
        occurredAt: (event?.occurredAt ?? new Date(0)).toISOString(),
        correlationId: envelope.correlationId,
        causationId: envelope.causationId,
        payload: definition && event ? toJson(definition.schema, event.payload as never) : null,
      },
    };
  } catch (error) {
    return { undecodable: (error as Error).message };
  }
}

/** The dead-letter operations against the broker at `brokers`, for a command-line tool (a client of its own). */
export function deadLettersAt(clientId: string, brokers: string[], options: Pick<KafkaClientOptions, 'security'> & { idleTimeoutMs?: number } = {}): DeadLetters {
  return new DeadLetters(createKafka(clientId, brokers, { retries: 2, security: options.security }), { idleTimeoutMs: options.idleTimeoutMs });
}
