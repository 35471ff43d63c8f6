/** Why a field of the one form, or a material entry, is refused (the 400's `details`), by the form's own rules. */
import type { Localized } from '../../model/catalogue.model';
import { L } from '../../data/localized';
import { fieldLabel } from '../names';
import { phrase } from '../phrase';

const none = {} as Record<string, never>;
const simple = (zh: string, en: string) => phrase<Record<string, never>>({ zh: () => zh, en: () => en, example: none });

export const FIELD_MESSAGES = {
  'field.required': simple('必填', 'is required'),
  'field.unknown': simple('未知字段', 'unknown field'),
  'field.not_json_object': simple('请求体须为 JSON 对象', 'the body must be a JSON object'),
  'field.must_be_object': simple('须为对象', 'must be an object'),
  'field.must_be_array': simple('须为列表', 'must be an array'),
  'field.material_shape': simple('须为包含 code、sha256、fileName 和 issuedAt 的对象', 'must be an object with code, sha256, fileName and issuedAt'),
  'field.not_a_material_of_selection': phrase<{ code: string }>({
    zh: ({ code }) => `${code}不是所选事项的材料`,
    en: ({ code }) => `${code} is not a material of the chosen items`,
    example: { code: 'LUNCH_MENU' },
  }),
  'field.sha256': simple('须为64位小写十六进制字符', 'must be 64 lower-case hexadecimal characters'),
  'field.file_name': phrase<{ max: number }>({
    zh: ({ max }) => `须为不超过${max}个字符的文本`,
    en: ({ max }) => `must be a string of at most ${max} characters`,
    example: { max: 255 },
  }),
  'field.string': simple('须为文本', 'must be a string'),
  'field.number': simple('须为数字', 'must be a number'),
  'field.integer': simple('须为整数', 'must be a whole number'),
  'field.boolean': simple('须为 true 或 false', 'must be true or false'),
  'field.date': simple('须为有效日期，格式为 YYYY-MM-DD', 'must be a real date written YYYY-MM-DD'),
  'field.one_of': phrase<{ values: readonly string[] }>({
    zh: ({ values }) => `须为以下之一：${values.join('、')}`,
    en: ({ values }) => `must be one of ${values.join(', ')}`,
    example: { values: ['doctorate', 'master'] },
  }),
  'field.one_of_listed': simple('须为列出的选项之一', 'must be one of the listed options'),
  /** A pattern rule's own words from the catalogue. */
  'field.pattern': phrase<{ rule: Localized }>({
    zh: ({ rule }) => rule.zh,
    en: ({ rule }) => rule.en,
    example: { rule: L('护照号码格式不正确', 'must be a passport number') },
  }),
  'field.country_code': simple('须为 ISO 3166-1 三位字母国家代码', 'must be an ISO 3166-1 alpha-3 country code'),
  'field.uscc': simple('须为18位统一社会信用代码且校验码正确', 'must be an 18-character unified social credit code with a valid check character'),
  'field.email': simple('须为电子邮箱地址', 'must be an email address'),
  'field.phone': simple('须为国际格式的电话号码，例如 +8613800138000', 'must be a phone number in international format, e.g. +8613800138000'),
  'field.min': phrase<{ value: number }>({ zh: ({ value }) => `不得小于${value}`, en: ({ value }) => `must be at least ${value}`, example: { value: 18 } }),
  'field.max': phrase<{ value: number }>({ zh: ({ value }) => `不得大于${value}`, en: ({ value }) => `must be at most ${value}`, example: { value: 70 } }),
  'field.max_length': phrase<{ value: number }>({ zh: ({ value }) => `不得超过${value}个字符`, en: ({ value }) => `must be at most ${value} characters`, example: { value: 100 } }),
  'field.not_after_today': phrase<{ today: string }>({
    zh: ({ today }) => `不得晚于今天（${today}）`,
    en: ({ today }) => `must not be later than today (${today})`,
    example: { today: '2026-12-06' },
  }),
  'field.not_before_today': phrase<{ today: string }>({
    zh: ({ today }) => `不得早于今天（${today}）`,
    en: ({ today }) => `must not be earlier than today (${today})`,
    example: { today: '2026-12-06' },
  }),
  'field.after': phrase<{ field: string; other: string }>({
    zh: ({ field, other }) => `须晚于${fieldLabel(field, 'zh')}（${other}）`,
    en: ({ field, other }) => `must be after ${field} (${other})`,
    example: { field: 'employment.contractStart', other: '2026-03-01' },
  }),
  'field.issued_within': phrase<{ months: number; since: string }>({
    zh: ({ months, since }) => `须为今天之前${months}个月内出具（${since}或之后）`,
    en: ({ months, since }) => `must have been issued within ${months} months before today (on or after ${since})`,
    example: { months: 6, since: '2026-06-06' },
  }),
};
