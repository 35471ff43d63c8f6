import { create, fromBinary, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { randomUUID } from 'node:crypto';
import { EnvelopeSchema, type Envelope } from './gen/weihai/events/v1/envelope_pb';
import { eventDefinitionOf, type EventDefinition, type PayloadOf } from './event-catalogue';

/** Who and what an event follows from. */
export interface EventMetadata {
  caseId: string;
  correlationId: string;
  /** The event or request that directly caused this one. */
  causationId: string;
  eventId?: string;
  occurredAt?: Date;
}

/** An event ready for the wire: its Kafka coordinates and the encoded envelope. */
export interface OutgoingEvent {
  eventId: string;
  type: string;
  topic: string;
  key: string;
  value: Buffer;
}

/** A decoded envelope with its payload decoded by the event's schema. */
export interface IncomingEvent<P = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  caseId: string;
  producer: string;
  occurredAt: Date;
  correlationId: string;
  causationId: string;
  payload: P;
}

/** Raised for bytes that are not a valid envelope or payload: permanent, never retried. */
export class EnvelopeDecodeError extends Error {
  override readonly name = 'EnvelopeDecodeError';
}

export function encodeEvent<D extends EventDefinition>(
  definition: D,
  payload: MessageInitShape<D['schema']>,
  metadata: EventMetadata,
): OutgoingEvent {
  if (!metadata.caseId) throw new Error(`${definition.type}: caseId is required`);
  const eventId = metadata.eventId ?? randomUUID();
  const envelope = create(EnvelopeSchema, {
    eventId,
    type: definition.type,
    schemaVersion: definition.version,
    caseId: metadata.caseId,
    producer: definition.producer,
    occurredAt: timestampFromDate(metadata.occurredAt ?? new Date()),
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    payload: toBinary(definition.schema, create(definition.schema, payload)),
  });
  return {
    eventId,
    type: definition.type,
    topic: definition.topic,
    key: metadata.caseId,
    value: Buffer.from(toBinary(EnvelopeSchema, envelope)),
  };
}

export function decodeEnvelope(bytes: Uint8Array): Envelope {
  let envelope: Envelope;
  try {
    envelope = fromBinary(EnvelopeSchema, bytes);
  } catch (error) {
    throw new EnvelopeDecodeError(`not an envelope: ${(error as Error).message}`);
  }
  if (!envelope.eventId || !envelope.type || !envelope.caseId) {
    throw new EnvelopeDecodeError('envelope lacks event id, type or case id');
  }
  return envelope;
}

/** Decodes the envelope and, when the type is known, its payload. Unknown types decode to `undefined`. */
export function decodeEvent(bytes: Uint8Array): IncomingEvent | undefined {
  const envelope = decodeEnvelope(bytes);
  const definition = eventDefinitionOf(envelope.type);
  if (!definition) return undefined;
  return decodeWith(definition, envelope);
}

export function decodeWith<D extends EventDefinition>(definition: D, envelope: Envelope): IncomingEvent<PayloadOf<D>> {
  let payload: PayloadOf<D>;
  try {
    payload = fromBinary(definition.schema, envelope.payload) as PayloadOf<D>;
  } catch (error) {
    throw new EnvelopeDecodeError(`${envelope.type}: payload does not match its schema: ${(error as Error).message}`);
  }
  return {
    eventId: envelope.eventId,
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    caseId: envelope.caseId,
    producer: envelope.producer,
    occurredAt: envelope.occurredAt ? timestampDate(envelope.occurredAt) : new Date(0),
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    payload,
  };
}
