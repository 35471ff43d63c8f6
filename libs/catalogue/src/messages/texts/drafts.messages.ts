/**
 * The portal's drafts (`/api/drafts`): an unfinished case body kept for its owner, never a case until
 * submitted. The refusals and field problems of its answers.
 */
import { phrase } from '../phrase';

const none = {} as Record<string, never>;

export const DRAFTS_MESSAGES = {
  'drafts.not_found': phrase<{ draftId: string }>({
    zh: ({ draftId }) => `未找到草稿 ${draftId}`,
    en: ({ draftId }) => `there is no draft ${draftId}`,
    example: { draftId: '7f1c2a40-3d5e-4b7a-9c1e-2f0a6b8d9e10' },
  }),
  /** `sent`: the version the caller's If-Match named; `current`: the stored one. */
  'drafts.version_conflict': phrase<{ sent: number; current: number }>({
    zh: ({ sent, current }) => `草稿已在别处修改：您保存的是第${sent}版，当前为第${current}版；请重新读取草稿后再保存`,
    en: ({ sent, current }) => `the draft was changed elsewhere: you saved over version ${sent}, it is now at version ${current}; read the draft again before saving`,
    example: { sent: 2, current: 3 },
  }),
  'drafts.version_required': phrase<Record<string, never>>({
    zh: () => '保存草稿须在 If-Match 请求头中注明所改的版本号，例如 "3"',
    en: () => 'saving a draft needs the version it replaces in the If-Match header, e.g. "3"',
    example: none,
  }),
  'drafts.limit_reached': phrase<{ max: number }>({
    zh: ({ max }) => `草稿已达上限${max}份：请先提交或删除不再需要的草稿`,
    en: ({ max }) => `you already keep ${max} drafts, the most allowed: submit or delete the ones you no longer need first`,
    example: { max: 20 },
  }),

  // Field problems of a draft's content (the `details` of a 400).
  'drafts.field.if_match': phrase<Record<string, never>>({
    zh: () => '须为草稿的版本号，例如 "3"',
    en: () => 'must be the draft’s version, e.g. "3"',
    example: none,
  }),
  'drafts.field.too_large': phrase<{ maxBytes: number }>({
    zh: ({ maxBytes }) => `草稿过大：不得超过${maxBytes}字节`,
    en: ({ maxBytes }) => `the draft is too large: it must be at most ${maxBytes} bytes`,
    example: { maxBytes: 65536 },
  }),
  'drafts.field.object': phrase<Record<string, never>>({
    zh: () => '须为对象（按字段路径嵌套）',
    en: () => 'must be an object (fields nested by path)',
    example: none,
  }),
  'drafts.field.list': phrase<Record<string, never>>({
    zh: () => '须为列表',
    en: () => 'must be a list',
    example: none,
  }),
};
