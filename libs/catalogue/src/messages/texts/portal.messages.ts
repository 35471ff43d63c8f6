/**
 * Messages of the portal's own (cases, materials, documents, guides, sign-in): the refusals and field
 * problems its answers carry that the shared refusals (refusal.messages.ts) do not already say.
 */
import type { Lang } from '../../model/catalogue.model';
import { phrase } from '../phrase';

const none = {} as Record<string, never>;
const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** "10 MiB (10485760 bytes)" / "10 MiB（10485760字节）". */
function bytes(amount: number, lang: Lang): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = amount;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const exact = lang === 'zh' ? `${amount}字节` : `${amount} bytes`;
  if (unit === 0) return exact;
  const human = `${Number(value.toFixed(1))} ${units[unit]}`;
  return lang === 'zh' ? `${human}（${exact}）` : `${human} (${exact})`;
}

const sizeLimit = (maxBytes: number, lang: Lang) => (lang === 'zh' ? `不得超过${bytes(maxBytes, 'zh')}` : `must be at most ${bytes(maxBytes, 'en')}`);

const quota = (quotaBytes: number, lang: Lang) =>
  lang === 'zh'
    ? `将使您上传的材料超出配额${bytes(quotaBytes, 'zh')}；已上传的材料可直接再次引用，无需重新上传`
    : `would take your uploads past your quota of ${bytes(quotaBytes, 'en')}; documents you have already uploaded may be referenced again without uploading them`;

export const PORTAL_MESSAGES = {
  // Field problems the portal finds itself (the `details` of a 400).
  'portal.field.unknown': phrase<Record<string, never>>({
    zh: () => '未知字段',
    en: () => 'unknown field',
    example: none,
  }),
  'portal.field.body_not_object': phrase<Record<string, never>>({
    zh: () => '请求体须为 JSON 对象',
    en: () => 'the body must be a JSON object',
    example: none,
  }),
  'portal.field.mine_true': phrase<Record<string, never>>({
    zh: () => 'mine 须为 true',
    en: () => 'mine must be true',
    example: none,
  }),
  'portal.field.idempotency_key': phrase<Record<string, never>>({
    zh: () => '须为1至128个字母、数字或 . : _ -',
    en: () => 'must be 1 to 128 letters, digits or . : _ -',
    example: none,
  }),
  'portal.field.sha256': phrase<Record<string, never>>({
    zh: () => '须为64位小写十六进制字符',
    en: () => 'must be 64 lower-case hexadecimal characters',
    example: none,
  }),

  // Uploaded documents (`POST /api/materials`, the `materials` of a case).
  'portal.material.not_uploaded': phrase<Record<string, never>>({
    zh: () => '不是您上传的材料：请先通过 POST /api/materials 上传',
    en: () => 'is not an uploaded document of yours: upload it first with POST /api/materials',
    example: none,
  }),
  'portal.material.file_required': phrase<Record<string, never>>({
    zh: () => '必填：请以 multipart 文件字段“file”上传一份 PDF、JPEG 或 PNG 文件',
    en: () => 'is required: send one PDF, JPEG or PNG document as the multipart file field "file"',
    example: none,
  }),
  'portal.material.file_empty': phrase<Record<string, never>>({
    zh: () => '文件为空',
    en: () => 'is empty',
    example: none,
  }),
  'portal.material.file_type': phrase<Record<string, never>>({
    zh: () => '须为 PDF、JPEG 或 PNG 文件；无论文件名或声明的类型如何，其内容都不是其中之一',
    en: () => 'must be a PDF, JPEG or PNG document; its content is none of these, whatever its name or declared type',
    example: none,
  }),
  /** `problem`: what the multipart parser said, as it said it. */
  'portal.material.multipart': phrase<{ problem: string }>({
    zh: ({ problem }) => `${problem}：请以 multipart 文件字段“file”上传恰好一份 PDF、JPEG 或 PNG 文件，不附带其他字段`,
    en: ({ problem }) => `${problem}: send exactly one PDF, JPEG or PNG document as the multipart file field "file", and no other field`,
    example: { problem: 'Unexpected field - passport' },
  }),
  'portal.material.size_limit': phrase<{ maxBytes: number }>({
    zh: ({ maxBytes }) => sizeLimit(maxBytes, 'zh'),
    en: ({ maxBytes }) => sizeLimit(maxBytes, 'en'),
    example: { maxBytes: 10_485_760 },
  }),
  'portal.material.too_large': phrase<{ maxBytes: number }>({
    zh: ({ maxBytes }) => `文件过大：${sizeLimit(maxBytes, 'zh')}`,
    en: ({ maxBytes }) => `the document is too large: it ${sizeLimit(maxBytes, 'en')}`,
    example: { maxBytes: 10_485_760 },
  }),
  'portal.material.quota': phrase<{ quotaBytes: number }>({
    zh: ({ quotaBytes }) => quota(quotaBytes, 'zh'),
    en: ({ quotaBytes }) => quota(quotaBytes, 'en'),
    example: { quotaBytes: 209_715_200 },
  }),
  'portal.material.quota_exceeded': phrase<{ quotaBytes: number }>({
    zh: ({ quotaBytes }) => `该文件${quota(quotaBytes, 'zh')}`,
    en: ({ quotaBytes }) => `the document ${quota(quotaBytes, 'en')}`,
    example: { quotaBytes: 209_715_200 },
  }),
  'portal.material.not_found': phrase<{ sha256: string }>({
    zh: ({ sha256 }) => `没有您可查看的材料${sha256}`,
    en: ({ sha256 }) => `no material ${sha256} for you`,
    example: { sha256: SHA256 },
  }),
  'portal.material.content_missing': phrase<{ sha256: string }>({
    zh: ({ sha256 }) => `存储中缺少材料${sha256}的内容`,
    en: ({ sha256 }) => `the content of material ${sha256} is missing from the storage`,
    example: { sha256: SHA256 },
  }),

  // Formal documents and service guides.
  /** `GET /api/verify/:documentNo`: anyone asks, so nothing is "yours". */
  'portal.document.unknown': phrase<{ documentNo: string }>({
    zh: ({ documentNo }) => `没有文书${documentNo}`,
    en: ({ documentNo }) => `no document ${documentNo}`,
    example: { documentNo: 'WH-2026-000123' },
  }),
  'portal.guide.unknown_item': phrase<{ item: string; version: string }>({
    zh: ({ item, version }) => `事项目录${version}中没有事项${item}`,
    en: ({ item, version }) => `no item ${item} in catalogue ${version}`,
    example: { item: 'NOPE', version: '2026.1' },
  }),
  'portal.guide.step': phrase<{ item: string }>({
    zh: ({ item }) => `${item}是办理流程中的环节，不是可单独申请的事项，没有办事指南`,
    en: ({ item }) => `${item} is a step within the flow, not an item one applies for; it has no service guide`,
    example: { item: 'TALENT_CATEGORY' },
  }),

  // Sign-in.
  'portal.local_sign_in_disabled': phrase<Record<string, never>>({
    zh: () => '本地登录已关闭，请通过统一身份认证平台登录',
    en: () => 'local sign-in is disabled; sign in through the identity provider',
    example: none,
  }),
};
