/** Messages of data-sharing's own (the shared record, the abnormal list, statistics). */
import { phrase } from '../phrase';

const none = {} as Record<string, never>;

export const SHARING_MESSAGES = {
  // The details of a refused request (`error.details[].message`), each naming one field or header.
  'sharing.field.not_own_agency': phrase<Record<string, never>>({
    zh: () => '不是令牌所属的部门',
    en: () => 'is not the agency your token names',
    example: none,
  }),
  'sharing.field.not_own_identity': phrase<Record<string, never>>({
    zh: () => '不是令牌所核验的身份',
    en: () => 'is not the identity your token verifies',
    example: none,
  }),
  'sharing.field.missing_from_token': phrase<Record<string, never>>({
    zh: () => '令牌中没有此项',
    en: () => 'is missing from the token',
    example: none,
  }),
  'sharing.field.purpose_missing': phrase<Record<string, never>>({
    zh: () => '必填：请说明查阅事由',
    en: () => 'required: say why you read this record',
    example: none,
  }),
  'sharing.field.purpose_too_long': phrase<{ maxLength: number }>({
    zh: ({ maxLength }) => `不得超过${maxLength}个字符`,
    en: ({ maxLength }) => `at most ${maxLength} characters`,
    example: { maxLength: 500 },
  }),
  /** An abnormal-list entry may not be reported already expired. */
  'sharing.field.expires_on_past': phrase<{ today: string }>({
    zh: ({ today }) => `不得早于今天（中国时间${today}）`,
    en: ({ today }) => `must not be in the past (today is ${today} in China)`,
    example: { today: '2026-06-01' },
  }),

  // Statistics: how a reason is counted when its words are a person's own (never shown in statistics).
  /** The group of every officer's (or reporter's) own words: `officer.reason`. */
  'sharing.stats.officer_reason': phrase<Record<string, never>>({
    zh: () => '工作人员自述理由',
    en: () => "officer's own reason",
    example: none,
  }),
  /** The group of the reasons recorded as plain text without a catalogue code (events from before the catalogue). */
  'sharing.stats.uncoded_reason': phrase<Record<string, never>>({
    zh: () => '未编码的理由（按原文记录）',
    en: () => 'a reason recorded as text, without a catalogue code',
    example: none,
  }),

  // The access log's hash chain: why `audit:verify` and the scheduled check find it broken (for the auditor).
  'sharing.audit.row_missing': phrase<{ expected: number; found: number }>({
    zh: ({ expected, found }) => `下一行应为第${expected}行，实为第${found}行（有行被删除或重新编号）`,
    en: ({ expected, found }) => `expected row ${expected} next, found row ${found} (a row was removed or renumbered)`,
    example: { expected: 3, found: 4 },
  }),
  'sharing.audit.prev_hash_mismatch': phrase<Record<string, never>>({
    zh: () => 'prev_hash 不是上一行的哈希',
    en: () => 'prev_hash is not the hash of the row before',
    example: none,
  }),
  'sharing.audit.hash_mismatch': phrase<Record<string, never>>({
    zh: () => '哈希与该行内容在链密钥下的计算结果不符（该行被篡改，或未使用密钥写入）',
    en: () => 'hash does not match the row content under the chain key (the row was altered, or written without the key)',
    example: none,
  }),
  'sharing.audit.tail_deleted': phrase<{ head: number; rows: number }>({
    zh: ({ head, rows }) => `已发布的链头为第${head}行，但访问记录只到第${rows}行：末尾的行已被删除`,
    en: ({ head, rows }) => `the published head is row ${head} but the log ends at row ${rows}: rows were deleted from its tail`,
    example: { head: 7, rows: 5 },
  }),
  'sharing.audit.rewritten': phrase<{ head: number }>({
    zh: ({ head }) => `第${head}行不是作为链头发布的那一行（哈希不同）：访问记录链已被改写`,
    en: ({ head }) => `row ${head} is not the row published as the head (its hash differs): the chain was rewritten`,
    example: { head: 7 },
  }),
};
