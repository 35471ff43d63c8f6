/** One topic per producer; only the owner writes its topic. Keys are case ids. */
export const Topics = {
  portal: 'portal.case-events',
  approval: 'approval.events',
  scitech: 'scitech.events',
  psb: 'psb.events',
  hrss: 'hrss.events',
  sharing: 'sharing.events',
} as const;

export type Producer = keyof typeof Topics;
export type TopicName = (typeof Topics)[Producer];

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

/** Where a consumer parks a message it cannot handle: the source topic's dead-letter topic. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/** A consumer group's own dead-letter topic: what that group could not handle, written by that group only. */
export function deadLetterTopicOfGroup(consumerGroup: string): string {
  return `${consumerGroup}.dlq`;
}
