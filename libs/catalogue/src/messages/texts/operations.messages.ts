/**
 * The operations routes' words (libs/platform operations: a consumer group's dead letters, for an
 * admin): why a dead letter could not be shown, replayed or discarded.
 */
import { phrase, word } from '../phrase';

const none = {} as Record<string, never>;

/** What became of a dead letter (`DeadLetterStatus` in libs/messaging). */
const DEAD_LETTER_STATUS_WORDS = {
  waiting: { zh: '待处理', en: 'waiting' },
  replayed: { zh: '已重放', en: 'replayed' },
  discarded: { zh: '已丢弃', en: 'discarded' },
};

export const OPERATIONS_MESSAGES = {
  'operations.dead_letter.not_found': phrase<{ id: string; topic: string }>({
    zh: ({ id, topic }) => `死信队列 ${topic} 中没有编号为 ${id} 的死信`,
    en: ({ id, topic }) => `no dead letter ${id} in ${topic}`,
    example: { id: '0:42', topic: 'admin-approval.dlq' },
  }),
  /** The id names a replay or discard record of the topic, not a dead letter. */
  'operations.dead_letter.not_a_dead_letter': phrase<{ id: string }>({
    zh: ({ id }) => `${id} 是一条处理记录（重放或丢弃），不是死信`,
    en: ({ id }) => `${id} is a resolution record (a replay or a discard), not a dead letter`,
    example: { id: '0:43' },
  }),
  /** `status`: replayed or discarded. Over HTTP a dead letter is resolved once; the CLI's `--force` does it again. */
  'operations.dead_letter.already_resolved': phrase<{ id: string; status: string }>({
    zh: ({ id, status }) => `死信 ${id} ${word(DEAD_LETTER_STATUS_WORDS, status, 'zh')}，不再重复处理`,
    en: ({ id, status }) => `dead letter ${id} was ${word(DEAD_LETTER_STATUS_WORDS, status, 'en')} already`,
    example: { id: '0:42', status: 'replayed' },
  }),
  'operations.dead_letter.topic_unavailable': phrase<{ topic: string }>({
    zh: ({ topic }) => `消息服务中没有死信队列 ${topic}（或本服务无权读取），请稍后再试或联系运维人员`,
    en: ({ topic }) => `the dead-letter topic ${topic} is not on the broker (or this service may not read it); try again later or ask operations`,
    example: { topic: 'admin-approval.dlq' },
  }),
  'operations.dead_letter.broker_unavailable': phrase<Record<string, never>>({
    zh: () => '暂时无法连接消息服务，请稍后再试',
    en: () => 'the message broker cannot be reached just now; try again later',
    example: none,
  }),
  /** The path names no dead letter id at all (the field says how one is written). */
  'operations.dead_letter.invalid_id': phrase<Record<string, never>>({
    zh: () => '死信编号格式不正确',
    en: () => 'the dead letter id is not valid',
    example: none,
  }),
  /** The field problem of a dead letter's id in the path. */
  'operations.field.dead_letter_id': phrase<Record<string, never>>({
    zh: () => '须为“分区:偏移量”，如 0:42',
    en: () => 'must be <partition>:<offset>, e.g. 0:42',
    example: none,
  }),
};
