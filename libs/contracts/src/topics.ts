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

/**
 * Where a consumer parks a message it cannot handle: its consumer group's own dead-letter topic (what
 * that group could not handle, written and read by that group only; operators' replay and discard
 * records go there too).
 */
export function deadLetterTopicOfGroup(consumerGroup: string): string {
  return `${consumerGroup}.dlq`;
}
