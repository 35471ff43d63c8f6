/** One topic per producer for its events; only the owner writes its topics. Keys are case ids. */
export const Topics = {
  portal: 'portal.case-events',
  approval: 'approval.events',
  scitech: 'scitech.events',
  psb: 'psb.events',
  hrss: 'hrss.events',
  sharing: 'sharing.events',
} as const;

/**
 * The formal documents an agency issues (PDF inside, most of the bytes on the bus), on a topic of
 * their own beside the agency's events: the portal alone reads them, so no other consumer group
 * fetches their bytes only to skip them.
 */
export const DocumentTopics = {
  approval: 'approval.documents',
  scitech: 'scitech.documents',
  psb: 'psb.documents',
  hrss: 'hrss.documents',
} as const;

export type Producer = keyof typeof Topics;
export type TopicName = (typeof Topics)[Producer] | (typeof DocumentTopics)[keyof typeof DocumentTopics];

/** Every service topic: each producer's events, then the agencies' documents. */
export const ALL_TOPICS: readonly TopicName[] = [...Object.values(Topics), ...Object.values(DocumentTopics)];

/**
 * Where a consumer parks a message it cannot handle: its consumer group's own dead-letter topic (what
 * that group could not handle, written and read by that group only; operators' replay and discard
 * records go there too).
 */
export function deadLetterTopicOfGroup(consumerGroup: string): string {
  return `${consumerGroup}.dlq`;
}
