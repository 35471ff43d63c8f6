/**
 * What a consumer group's dead-letter topic (`<group>.dlq`) holds, and how its records pair up. Pure:
 * no broker here, so the consumer, the operations class and the tests share one reading of it.
 *
 * Two kinds of record live in the topic:
 * - a **dead letter**: a message the group could not handle, its key, value and headers untouched,
 *   with `dlq-*` headers saying why and where it came from;
 * - a **resolution** (`dlq-resolution: replay | discard`), written by an operator, naming the dead
 *   letter it resolves (`dlq-resolves: <partition>:<offset>` in the same topic). A replay record
 *   carries the dead letter's key, value and headers again: the group's consumer, which reads its own
 *   dead-letter topic, applies it (once, through the inbox). Dead letters and discard records it skips.
 */

/** Header names on a dead letter, next to the message's original headers. */
export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  errorCode: 'dlq-error-code',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
  /** The envelope's event type and id, when the message decoded that far. */
  eventType: 'dlq-event-type',
  eventId: 'dlq-event-id',
  /** On a replayed event that failed again: the dead letter it was replayed from. */
  replayOf: 'dlq-replay-of',
} as const;

/** Header names on a resolution record. */
export const ResolutionHeaders = {
  resolution: 'dlq-resolution',
  resolves: 'dlq-resolves',
  actor: 'dlq-resolved-by',
  reason: 'dlq-resolution-reason',
  at: 'dlq-resolved-at',
} as const;

export type Resolution = 'replay' | 'discard';
export type DeadLetterStatus = 'waiting' | 'replayed' | 'discarded';

/** Every header this library adds starts with it; what does not is the producer's own. */
const OWN_HEADER_PREFIX = 'dlq-';

export type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;
export type RawHeaders = Record<string, HeaderValue>;

/** One record of a dead-letter topic as read from the broker. */
export interface DeadLetterTopicRecord {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: RawHeaders;
}

/** A dead letter's id: its partition and offset in the group's dead-letter topic, `P:O`. */
export interface DeadLetterId {
  partition: number;
  offset: string;
}

export function parseDeadLetterId(text: string): DeadLetterId {
  const match = /^\s*(\d{1,9}):(\d{1,19})\s*$/.exec(text);
  if (!match) throw new Error(`not a dead letter id: "${text}" (expected <partition>:<offset>, e.g. 0:42)`);
  return { partition: Number(match[1]), offset: BigInt(match[2]).toString() };
}

export function formatDeadLetterId(id: DeadLetterId): string {
  return `${id.partition}:${id.offset}`;
}

/** Headers as strings (the first value of a repeated header). */
export function headerStrings(headers: RawHeaders | undefined): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) strings[name] = first.toString();
  }
  return strings;
}

/** The producer's own headers, without anything this library added. */
export function originalHeaders(headers: RawHeaders | undefined): RawHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !name.startsWith(OWN_HEADER_PREFIX)));
}

export interface SourcePosition {
  topic: string;
  partition: number;
  offset: string;
}

export interface ResolutionRecord {
  /** Its own id in the dead-letter topic. */
  id: string;
  resolution: Resolution;
  /** The dead letter it resolves. */
  resolves: string;
  consumerGroup: string;
  actor: string;
  reason?: string;
  at: string;
}

/**
 * A resolution the consumer acts on: for a replay, the original message's headers and where it came
 * from; for a discard, which inbox row to mark.
 */
export interface ConsumedResolution extends ResolutionRecord {
  source: SourcePosition;
  eventId?: string;
  originalHeaders: RawHeaders;
}

/** The record as a resolution, if it is one (else it is a dead letter, which the consumer skips). */
export function resolutionOf(record: Pick<DeadLetterTopicRecord, 'partition' | 'offset' | 'headers'>): ConsumedResolution | undefined {
  const headers = headerStrings(record.headers);
  const resolution = headers[ResolutionHeaders.resolution];
  if (resolution !== 'replay' && resolution !== 'discard') return undefined;
  return {
    id: formatDeadLetterId(record),
    resolution,
    resolves: headers[ResolutionHeaders.resolves] ?? '',
    consumerGroup: headers[DeadLetterHeaders.consumerGroup] ?? '',
    actor: headers[ResolutionHeaders.actor] ?? '',
    ...(headers[ResolutionHeaders.reason] !== undefined && { reason: headers[ResolutionHeaders.reason] }),
    at: headers[ResolutionHeaders.at] ?? '',
    source: {
      topic: headers[DeadLetterHeaders.sourceTopic] ?? '',
      partition: Number(headers[DeadLetterHeaders.sourcePartition] ?? -1),
      offset: headers[DeadLetterHeaders.sourceOffset] ?? '-1',
    },
    ...(headers[DeadLetterHeaders.eventId] !== undefined && { eventId: headers[DeadLetterHeaders.eventId] }),
    originalHeaders: originalHeaders(record.headers),
  };
}

/** One dead letter with what became of it. */
export interface DeadLetter {
  /** `P:O` in the group's dead-letter topic. */
  id: string;
  consumerGroup: string;
  /** The case id. */
  key: string | null;
  eventType?: string;
  eventId?: string;
  code: string;
  reason: string;
  source: SourcePosition;
  failedAt: string;
  /** When this is a replayed event that failed again: the dead letter it was replayed from. */
  replayOf?: string;
  status: DeadLetterStatus;
  /** Every resolution of it, oldest first; the last one decides the status. */
  resolutions: Omit<ResolutionRecord, 'resolves' | 'consumerGroup'>[];
  /** The dead letters its replays became when they failed again. */
  failedAgainAs: string[];
}

/** Dead letters with their resolutions, in topic order (partition, then offset). */
export function pairResolutions(records: readonly DeadLetterTopicRecord[]): DeadLetter[] {
  const ordered = [...records].sort((a, b) => a.partition - b.partition || compareOffsets(a.offset, b.offset));
  const deadLetters = new Map<string, DeadLetter>();
  const resolutions: ResolutionRecord[] = [];
  for (const record of ordered) {
    const resolution = resolutionOf(record);
    if (resolution) {
      resolutions.push(resolution);
      continue;
    }
    const headers = headerStrings(record.headers);
    const deadLetter: DeadLetter = {
      id: formatDeadLetterId(record),
      consumerGroup: headers[DeadLetterHeaders.consumerGroup] ?? '',
      key: record.key ? record.key.toString() : null,
      eventType: headers[DeadLetterHeaders.eventType] ?? headers['event-type'],
      eventId: headers[DeadLetterHeaders.eventId] ?? headers['event-id'],
      code: headers[DeadLetterHeaders.errorCode] ?? '',
      reason: headers[DeadLetterHeaders.reason] ?? '',
      source: {
        topic: headers[DeadLetterHeaders.sourceTopic] ?? '',
        partition: Number(headers[DeadLetterHeaders.sourcePartition] ?? -1),
        offset: headers[DeadLetterHeaders.sourceOffset] ?? '',
      },
      failedAt: headers[DeadLetterHeaders.failedAt] ?? '',
      ...(headers[DeadLetterHeaders.replayOf] && { replayOf: headers[DeadLetterHeaders.replayOf] }),
      status: 'waiting',
      resolutions: [],
      failedAgainAs: [],
    };
    if (deadLetter.eventType === undefined) delete deadLetter.eventType;
    if (deadLetter.eventId === undefined) delete deadLetter.eventId;
    deadLetters.set(deadLetter.id, deadLetter);
  }
  // Resolutions in the order they were written (their timestamps; offsets order them within a partition).
  resolutions.sort((a, b) => a.at.localeCompare(b.at));
  for (const { id, resolution, resolves, actor, reason, at } of resolutions) {
    const deadLetter = deadLetters.get(resolves);
    if (!deadLetter) continue;
    deadLetter.resolutions.push({ id, resolution, actor, ...(reason !== undefined && { reason }), at });
    deadLetter.status = resolution === 'replay' ? 'replayed' : 'discarded';
  }
  for (const deadLetter of deadLetters.values()) {
    if (deadLetter.replayOf) deadLetters.get(deadLetter.replayOf)?.failedAgainAs.push(deadLetter.id);
  }
  return [...deadLetters.values()];
}

export interface OutgoingRecord {
  partition: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | string>;
}

export interface ResolutionInput {
  actor: string;
  reason?: string;
  at?: Date;
}

/**
 * The record that replays a dead letter: its key, value and headers again (the source and group
 * headers included, so the consumer knows where it came from and that it is its own), and the
 * resolution headers. Written to the dead letter's partition of the same topic.
 */
export function replayRecordOf(deadLetter: DeadLetterTopicRecord, input: ResolutionInput): OutgoingRecord {
  return resolutionRecordOf(deadLetter, 'replay', input, deadLetter.value);
}

/** The record that discards a dead letter, with the reason kept; it carries no payload. */
export function discardRecordOf(deadLetter: DeadLetterTopicRecord, input: ResolutionInput): OutgoingRecord {
  if (!input.reason?.trim()) throw new Error('a discard needs a reason');
  return resolutionRecordOf(deadLetter, 'discard', input, null);
}

function resolutionRecordOf(deadLetter: DeadLetterTopicRecord, resolution: Resolution, input: ResolutionInput, value: Buffer | null): OutgoingRecord {
  if (resolutionOf(deadLetter)) throw new Error(`${formatDeadLetterId(deadLetter)} is a resolution record, not a dead letter`);
  if (!input.actor.trim()) throw new Error('a resolution needs an actor');
  const headers: Record<string, Buffer | string> = {};
  for (const [name, raw] of Object.entries(deadLetter.headers)) {
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first !== undefined) headers[name] = first;
  }
  headers[ResolutionHeaders.resolution] = resolution;
  headers[ResolutionHeaders.resolves] = formatDeadLetterId(deadLetter);
  headers[ResolutionHeaders.actor] = input.actor;
  if (input.reason !== undefined) headers[ResolutionHeaders.reason] = input.reason.slice(0, 2_000);
  headers[ResolutionHeaders.at] = (input.at ?? new Date()).toISOString();
  return { partition: deadLetter.partition, key: deadLetter.key, value, headers };
}

function compareOffsets(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The inbox's stand-in event id for a message that did not decode: its source position. */
export function undecodableEventId(source: SourcePosition): string {
  return `undecodable:${source.topic}:${source.partition}:${source.offset}`;
}
