import { DocumentIssuedEvents, type EventDefinition, eventDefinitionOf, Events, ItemDecidedEvents, ItemProgressedEvents } from './event-catalogue';
import { ALL_TOPICS, deadLetterTopicOfGroup, type Producer, type TopicName } from './topics';

/** The agencies' decisions and progress but those of `producer` (a service does not read back its own). */
function itemEventsBut(producer: Producer): EventDefinition[] {
  return [...ItemDecidedEvents, ...ItemProgressedEvents].filter((definition) => definition.producer !== producer);
}

const CASE_EVENTS = [Events.CaseSubmitted, Events.CaseSupplemented, Events.CaseWithdrawn];
const JOINT_REVIEW_EVENTS = [Events.JointReviewOpened, Events.JointReviewConcluded];

/** A row of the table: the topics a service writes, the event types it handles, the topics it reads. */
export interface ServiceTopology {
  /** The topics of the catalogue's events of its producer (its events, and an agency's documents), in the order of `ALL_TOPICS`. */
  produces: readonly TopicName[];
  handles: readonly string[];
  consumes: readonly TopicName[];
}

/** The topics `producer`'s events go to, in the order of `ALL_TOPICS`. */
export function topicsOfProducer(producer: Producer): TopicName[] {
  const topics = new Set(Object.values(Events).filter((definition) => definition.producer === producer).map((definition) => definition.topic));
  return ALL_TOPICS.filter((topic) => topics.has(topic));
}

/**
 * A service of the table: the topics it writes (those of its producer's events in the catalogue), the
 * event types its `@EventPattern` handlers take, and from them the topics it reads — the topic of each
 * handled type, in the order of `ALL_TOPICS`.
 */
function service(producer: Producer, handled: readonly EventDefinition[]): ServiceTopology {
  const topics = new Set(handled.map((definition) => definition.topic));
  return { produces: topicsOfProducer(producer), handles: handled.map((definition) => definition.type).sort(), consumes: ALL_TOPICS.filter((topic) => topics.has(topic)) };
}

/**
 * Who writes and who reads which topic: the one table the services, the broker's ACLs and the cluster's
 * manifests follow. Each service lists the event types it handles (`handles`), and reads exactly their
 * topics (`consumes`): each service's `<name>.service.spec.ts` proves `handles` equal to its
 * `@EventPattern` registrations, so a handler for an event on a topic not read, or a topic read for no
 * handler, fails there. A service's own events are listed only when it follows them deliberately (the
 * portal, its submissions' acceptance notices); the agencies' shared review registers every agency's
 * item events, its own among them, which it never receives.
 */
export const TOPOLOGY = {
  portal: service('portal', [
    ...ItemDecidedEvents,
    ...ItemProgressedEvents,
    Events.JointReviewConcluded,
    Events.PermitCancelled,
    Events.SharingRecordUpdated,
    ...DocumentIssuedEvents,
    // Its own: each accepted case's CaseSubmitted calls for its acceptance notice.
    Events.CaseSubmitted,
  ]),
  'admin-approval': service('approval', [...CASE_EVENTS, ...itemEventsBut('approval'), Events.CaseContractEnded]),
  'science-tech': service('scitech', [...CASE_EVENTS, ...itemEventsBut('scitech'), ...JOINT_REVIEW_EVENTS]),
  'public-security': service('psb', [...CASE_EVENTS, ...itemEventsBut('psb'), ...JOINT_REVIEW_EVENTS, Events.PermitCancelled]),
  'hr-social-security': service('hrss', [...CASE_EVENTS, ...itemEventsBut('hrss'), ...JOINT_REVIEW_EVENTS, Events.PermitCancelled]),
  // The shared record (its refusals to reuse included), the statistics and the screening (its folds' types); not the documents nor the contract-end reports.
  'data-sharing': service('sharing', [...CASE_EVENTS, ...itemEventsBut('sharing'), ...JOINT_REVIEW_EVENTS, Events.PermitCancelled, Events.PrefillDeclined]),
} as const satisfies Record<string, ServiceTopology>;

export type ServiceName = keyof typeof TOPOLOGY;
export const SERVICE_NAMES = Object.keys(TOPOLOGY) as ServiceName[];

/**
 * Events of the catalogue no service handles, with who reads them from the topic instead. Every other
 * event has a handler somewhere (topology.spec.ts): an event nobody reads is not published.
 */
export const READ_OUTSIDE_THE_SERVICES: Readonly<Record<string, string>> = {
  // The access log's newest row, outside its database: `npm run audit:verify` compares the two.
  [Events.SharingAccessLogHeadPublished.type]: 'data-sharing audit:verify (TopicHistory)',
};

/** How a service's handlers compare with its row of the table (`handledAsTabled`). */
export interface HandlersAgainstTable {
  /** The handled types it receives: equal to `TOPOLOGY[service].handles` when the table is right. */
  handles: string[];
  /** Handled types of its own topic that it never receives (it does not read its own topic). */
  unreadOwnEvents: string[];
}

/**
 * Splits a service's registered handlers into those its row must list (all it receives) and those of
 * its own events it never receives, because it does not read its own topic.
 */
export function handledAsTabled(service: ServiceName, handledEventTypes: readonly string[]): HandlersAgainstTable {
  const { produces, consumes } = TOPOLOGY[service];
  const unread = produces.filter((topic) => !consumes.includes(topic)) as readonly string[];
  const received: string[] = [];
  const unreadOwnEvents: string[] = [];
  for (const type of handledEventTypes) {
    const definition = eventDefinitionOf(type);
    if (!definition) throw new Error(`${service} handles ${type}, which is not in the event catalogue`);
    if (unread.includes(definition.topic)) unreadOwnEvents.push(type);
    else received.push(type);
  }
  return { handles: received.sort(), unreadOwnEvents: unreadOwnEvents.sort() };
}

export type KafkaOperation = 'Read' | 'Write' | 'Describe' | 'Delete';

/** One allow rule of a service's Kafka user, in the terms of Kafka's authorizer. */
export interface KafkaAcl {
  resourceType: 'topic' | 'group';
  name: string;
  /** `prefixed`: every resource whose name starts with `name`. */
  patternType: 'literal' | 'prefixed';
  operations: KafkaOperation[];
}

/**
 * The start of the throw-away consumer groups in which an operator's view (the service's own
 * dead-letter routes, `npm run dlq`) reads a group's dead-letter topic, leaving the group's offsets alone.
 */
export function deadLetterReaderGroupPrefixOf(consumerGroup: string): string {
  return `${consumerGroup}.dlq-reader`;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * How long the broker keeps a topic's records: the services' topics for ever (a rebuild of the shared
 * record and the statistics replays them from the start); the agencies' documents topics too — the
 * formal record of what was issued, from which the portal's documents could be read again; dead letters
 * 90 days — time to fix and replay after a holiday, and bounded because they hold personal data.
 */
export function retentionMsOf(topic: string): number {
  return (ALL_TOPICS as readonly string[]).includes(topic) ? -1 : 90 * DAY_MS;
}

/**
 * Least privilege on the bus: a service writes only its own topics, reads only what it consumes, joins
 * only its own consumer group, and writes and reads (to replay) only its own group's dead-letter topic,
 * which its operators' view reads in throw-away groups of its own (and deletes them after).
 * Read and Write imply Describe in Kafka's authorizer, so Describe is never listed on its own.
 */
export function kafkaAclsOf(service: ServiceName, consumerGroup: string = service): KafkaAcl[] {
  const { produces, consumes } = TOPOLOGY[service];
  const reads = consumes.filter((topic) => !produces.includes(topic));
  const literal = (resourceType: KafkaAcl['resourceType'], name: string, operations: KafkaOperation[]): KafkaAcl => ({ resourceType, name, patternType: 'literal', operations });
  const acls: KafkaAcl[] = produces.map((topic) => literal('topic', topic, consumes.includes(topic) ? ['Read', 'Write'] : ['Write']));
  for (const topic of reads) acls.push(literal('topic', topic, ['Read']));
  if (consumes.length > 0) {
    acls.push(literal('topic', deadLetterTopicOfGroup(consumerGroup), ['Read', 'Write']));
    acls.push(literal('group', consumerGroup, ['Read']));
    acls.push({ resourceType: 'group', name: deadLetterReaderGroupPrefixOf(consumerGroup), patternType: 'prefixed', operations: ['Read', 'Delete'] });
  }
  return acls;
}
