import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { CaseSubmittedSchema } from './gen/weihai/events/v1/case_pb';
import { ItemDecidedSchema } from './gen/weihai/events/v1/item_pb';
import { Topics, type Producer } from './topics';

/** One event type on the bus: its name, schema version, owning producer and topic, and payload schema. */
export interface EventDefinition<S extends DescMessage = DescMessage> {
  readonly type: string;
  readonly version: number;
  readonly producer: Producer;
  // A TopicName for every event in the catalogue; tests may route a definition to a topic of their own.
  readonly topic: string;
  readonly schema: S;
}

export type PayloadOf<D extends EventDefinition> = MessageShape<D['schema']>;

function defineEvent<S extends DescMessage>(producer: Producer, type: string, version: number, schema: S): EventDefinition<S> {
  if (!type.startsWith(`${producer}.`)) {
    throw new Error(`event type ${type} must start with its producer ${producer}`);
  }
  return Object.freeze({ type, version, producer, topic: Topics[producer], schema });
}

/** Every event on the bus. Producers and consumers both read this, so they cannot drift. */
export const Events = {
  CaseSubmitted: defineEvent('portal', 'portal.case.submitted', 1, CaseSubmittedSchema),
  ApprovalItemDecided: defineEvent('approval', 'approval.item.decided', 1, ItemDecidedSchema),
  ScitechItemDecided: defineEvent('scitech', 'scitech.item.decided', 1, ItemDecidedSchema),
  PsbItemDecided: defineEvent('psb', 'psb.item.decided', 1, ItemDecidedSchema),
  HrssItemDecided: defineEvent('hrss', 'hrss.item.decided', 1, ItemDecidedSchema),
} as const;

export type EventName = keyof typeof Events;

const byType = new Map<string, EventDefinition>(Object.values(Events).map((e) => [e.type, e]));

export function eventDefinitionOf(type: string): EventDefinition | undefined {
  return byType.get(type);
}
