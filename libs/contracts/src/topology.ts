import { ALL_TOPICS, deadLetterTopicOfGroup, Topics, type TopicName } from './topics';

/** Who writes and who reads which topic: the one table the services, the broker's ACLs and the cluster's manifests follow. */
export const TOPOLOGY = {
  portal: {
    produces: Topics.portal,
    // Its own topic too: each accepted case's CaseSubmitted calls for its acceptance notice.
    consumes: [Topics.approval, Topics.scitech, Topics.psb, Topics.hrss, Topics.sharing, Topics.portal],
  },
  'admin-approval': { produces: Topics.approval, consumes: [Topics.portal, Topics.scitech, Topics.psb, Topics.hrss, Topics.sharing] },
  'science-tech': { produces: Topics.scitech, consumes: [Topics.portal, Topics.approval, Topics.psb, Topics.hrss, Topics.sharing] },
  'public-security': { produces: Topics.psb, consumes: [Topics.portal, Topics.approval, Topics.scitech, Topics.hrss, Topics.sharing] },
  'hr-social-security': { produces: Topics.hrss, consumes: [Topics.portal, Topics.approval, Topics.scitech, Topics.psb, Topics.sharing] },
  'data-sharing': { produces: Topics.sharing, consumes: [Topics.portal, Topics.approval, Topics.scitech, Topics.psb, Topics.hrss] },
} as const satisfies Record<string, { produces: TopicName; consumes: readonly TopicName[] }>;

export type ServiceName = keyof typeof TOPOLOGY;
export const SERVICE_NAMES = Object.keys(TOPOLOGY) as ServiceName[];

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
 * record and the statistics replays them from the start); dead letters 90 days — time to fix and replay
 * after a holiday, and bounded because they hold personal data.
 */
export function retentionMsOf(topic: string): number {
  return (ALL_TOPICS as readonly string[]).includes(topic) ? -1 : 90 * DAY_MS;
}

/**
 * Least privilege on the bus: a service writes only its own topic, reads only what it consumes, joins
 * only its own consumer group, and writes and reads (to replay) only its own group's dead-letter topic,
 * which its operators' view reads in throw-away groups of its own (and deletes them after).
 * Read and Write imply Describe in Kafka's authorizer, so Describe is never listed on its own.
 */
export function kafkaAclsOf(service: ServiceName, consumerGroup: string = service): KafkaAcl[] {
  const { produces, consumes } = TOPOLOGY[service];
  const reads = consumes.filter((topic) => topic !== produces);
  const literal = (resourceType: KafkaAcl['resourceType'], name: string, operations: KafkaOperation[]): KafkaAcl => ({ resourceType, name, patternType: 'literal', operations });
  const acls: KafkaAcl[] = [literal('topic', produces, consumes.some((topic) => topic === produces) ? ['Read', 'Write'] : ['Write'])];
  for (const topic of reads) acls.push(literal('topic', topic, ['Read']));
  if (consumes.length > 0) {
    acls.push(literal('topic', deadLetterTopicOfGroup(consumerGroup), ['Read', 'Write']));
    acls.push(literal('group', consumerGroup, ['Read']));
    acls.push({ resourceType: 'group', name: deadLetterReaderGroupPrefixOf(consumerGroup), patternType: 'prefixed', operations: ['Read', 'Delete'] });
  }
  return acls;
}
