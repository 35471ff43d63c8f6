import { deadLetterTopicOfGroup, Topics, type TopicName } from './topics';

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

export type KafkaOperation = 'Read' | 'Write' | 'Describe';

/** One allow rule of a service's Kafka user, in the terms of Kafka's authorizer (literal resource names). */
export interface KafkaAcl {
  resourceType: 'topic' | 'group';
  name: string;
  operations: KafkaOperation[];
}

/**
 * Least privilege on the bus: a service writes only its own topic, reads only what it consumes, joins
 * only its own consumer group, and writes and reads (to replay) only its own group's dead-letter topic.
 * Read and Write imply Describe in Kafka's authorizer, so Describe is never listed on its own.
 */
export function kafkaAclsOf(service: ServiceName, consumerGroup: string = service): KafkaAcl[] {
  const { produces, consumes } = TOPOLOGY[service];
  const reads = consumes.filter((topic) => topic !== produces);
  const acls: KafkaAcl[] = [{ resourceType: 'topic', name: produces, operations: consumes.some((topic) => topic === produces) ? ['Read', 'Write'] : ['Write'] }];
  for (const topic of reads) acls.push({ resourceType: 'topic', name: topic, operations: ['Read'] });
  if (consumes.length > 0) {
    acls.push({ resourceType: 'topic', name: deadLetterTopicOfGroup(consumerGroup), operations: ['Read', 'Write'] });
    acls.push({ resourceType: 'group', name: consumerGroup, operations: ['Read'] });
  }
  return acls;
}
