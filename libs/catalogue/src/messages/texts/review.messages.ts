/** The review workflow's own words (libs/agency-review): why an officer decides, supplement requests, terminations, clocks. */
import type { Localized } from '../../model/catalogue.model';
import { L } from '../../data/localized';
import { agencyName, itemName, materialName, names } from '../names';
import { type Message, type MessageParam, phrase, word } from '../phrase';
import { FLAG_WORDS, PARTY_WORDS, STATUS_WORDS, UNIT_WORDS } from '../words';

const officer = (text: string): Message => ({ code: 'officer.reason', params: { text } });
const asked = (material: string, condition?: Localized): Message => ({ code: 'review.material_asked', params: { material, ...(condition && { condition }) } });

export const REVIEW_MESSAGES = {
  'review.listed_applicant': phrase<Record<string, never>>({
    zh: () => '申请人在异常信息管理列表上：会商研判同意后，仍由本部门工作人员逐项审批（严格审批）',
    en: () => 'the applicant is on the abnormal-information list: after the joint review approved, an officer of this agency still decides each item (strict approval)',
    example: {},
  }),
  'review.manual_item': phrase<Record<string, never>>({
    zh: () => '该事项由工作人员决定（事项目录 manualByDefault 或 MANUAL_ITEMS）',
    en: () => 'decided by an officer (the catalogue’s manualByDefault or MANUAL_ITEMS)',
    example: {},
  }),
  /** One document asked for, with the condition that makes a conditional one necessary in this case. */
  'review.material_asked': phrase<{ material: string; condition?: Localized }>({
    zh: ({ material, condition }) => `${materialName(material, 'zh')}${condition ? `（${condition.zh}）` : ''}`,
    en: ({ material, condition }) => `${materialName(material, 'en')}${condition ? ` (${condition.en})` : ''}`,
    example: { material: 'HIGHEST_DEGREE', condition: L('首次申请', 'first application') },
  }),
  /** Pre-review's one request for every missing or expired document. */
  'review.supplement_requested': phrase<{ missing: readonly Message[]; expired: readonly Message[] }>({
    zh: ({ missing, expired }, t) =>
      [missing.length > 0 ? `请补正以下材料：${missing.map(t).join('；')}` : '', expired.length > 0 ? `请提交近期材料（所附材料已超过有效期）：${expired.map(t).join('；')}` : '']
        .filter(Boolean)
        .join('。'),
    en: ({ missing, expired }, t) =>
      [missing.length > 0 ? `please supply: ${missing.map(t).join('; ')}` : '', expired.length > 0 ? `please supply a recent copy (the one on file is too old): ${expired.map(t).join('; ')}` : '']
        .filter(Boolean)
        .join('. '),
    example: { missing: [asked('HIGHEST_DEGREE', L('首次申请', 'first application'))], expired: [asked('HEALTH_CERTIFICATE')] },
  }),
  'review.limit_extended': phrase<{ amount: number; unit: string; until: string; reason: Message }>({
    zh: ({ amount, unit, until, reason }, t) => `法定决定期限延长${amount}${word(UNIT_WORDS, unit, 'zh')}，至${until}。理由：${t(reason)}`,
    en: ({ amount, unit, until, reason }, t) => `The statutory decision limit is extended by ${amount} ${word(UNIT_WORDS, unit, 'en')}, to ${until}. Reason: ${t(reason)}`,
    example: { amount: 10, unit: 'working_days', until: '2026-04-14', reason: officer('需实地核查用人单位') },
  }),
  'review.escalated': phrase<{ ranOutOn: string }>({
    zh: ({ ranOutOn }) => `法定决定期限已于${ranOutOn}届满，尚未作出决定，已报牵头部门督办`,
    en: ({ ranOutOn }) => `The statutory decision limit ran out on ${ranOutOn} without a decision; escalated to the lead agency`,
    example: { ranOutOn: '2026-03-30' },
  }),
  'review.still_missing': phrase<{ materials: readonly string[] }>({
    zh: ({ materials }) => `补正后仍缺少或已过期的材料：${names(materials, materialName, 'zh')}`,
    en: ({ materials }) => `documents still missing or expired after the supplement: ${names(materials, materialName, 'en')}`,
    example: { materials: ['HEALTH_CERTIFICATE', 'PASSPORT'] },
  }),
  'review.not_assessed': phrase<Record<string, never>>({
    zh: () => '尚未审查',
    en: () => 'not assessed yet',
    example: {},
  }),
  'review.flagged': phrase<{ flag: string }>({
    zh: ({ flag }) => `需人工核查：${word(FLAG_WORDS, flag, 'zh')}`,
    en: ({ flag }) => `flagged: ${word(FLAG_WORDS, flag, 'en')}`,
    example: { flag: 'category_c_quota' },
  }),
  'review.no_result': phrase<Record<string, never>>({
    zh: () => '规则无法得出许可结果',
    en: () => 'the rules could not work out the result',
    example: {},
  }),
  /** The rules threw on facts they cannot read: an officer decides; the detail is the rules' own (technical) words. */
  'review.rules_could_not_run': phrase<{ detail: MessageParam }>({
    zh: ({ detail }, t) => `规则无法审查本事项，由工作人员审查（${t(detail)}）`,
    en: ({ detail }, t) => `the rules could not assess this item: ${t(detail)}`,
    example: { detail: 'applicant.birthDate must be a date' },
  }),
  'review.joint_review_rejected': phrase<{ reason: MessageParam }>({
    zh: ({ reason }, t) => `联合研判未予通过：${t(reason)}`,
    en: ({ reason }, t) => `Rejected in the joint review: ${t(reason)}`,
    example: { reason: officer('护照入境章可疑') },
  }),
  /** A dependant ends because a prerequisite ended otherwise than granted. */
  'review.terminated': phrase<{ item: string; status: string; reason?: MessageParam }>({
    zh: ({ item, status, reason }, t) => `前置事项${itemName(item, 'zh')}${word(STATUS_WORDS, status, 'zh')}${reason ? `：${t(reason)}` : ''}`,
    en: ({ item, status, reason }, t) => `${itemName(item, 'en')} was ${word(STATUS_WORDS, status, 'en')}${reason ? `: ${t(reason)}` : ''}`,
    example: { item: 'WORK_PERMIT', status: 'rejected', reason: officer('合同期限不足') },
  }),
  'review.prerequisite_not_held': phrase<{ item: string }>({
    zh: ({ item }) => `本案既未申请也未持有${itemName(item, 'zh')}`,
    en: ({ item }) => `${itemName(item, 'en')} is neither applied for in this case nor held`,
    example: { item: 'WORK_PERMIT' },
  }),
  'review.withdrawn_by': phrase<{ by: string }>({
    zh: ({ by }) => `由${word(PARTY_WORDS, by, 'zh')}撤回`,
    en: ({ by }) => `withdrawn by the ${word(PARTY_WORDS, by, 'en')}`,
    example: { by: 'employer' },
  }),
  'review.cleared_by_joint_review': phrase<Record<string, never>>({
    zh: () => '经联合研判通过',
    en: () => 'cleared by the joint review',
    example: {},
  }),
  'review.on_abnormal_list': phrase<Record<string, never>>({
    zh: () => '申请人在异常信息管理列表上',
    en: () => 'the applicant is on the abnormal-information list',
    example: {},
  }),

  /** The joint review's conclusions: each rejecting agency's reason, or every agency's remarks on an approval. */
  'joint_review.opinion': phrase<{ agency: string; reason: MessageParam }>({
    zh: ({ agency, reason }, t) => `${agencyName(agency, 'zh')}：${t(reason)}`,
    en: ({ agency, reason }, t) => `${agencyName(agency, 'en')}: ${t(reason)}`,
    example: { agency: 'psb', reason: officer('护照入境章可疑') },
  }),
  'joint_review.rejected': phrase<{ opinions: readonly Message[] }>({
    zh: ({ opinions }, t) => opinions.map(t).join('；'),
    en: ({ opinions }, t) => opinions.map(t).join('; '),
    example: { opinions: [{ code: 'joint_review.opinion', params: { agency: 'psb', reason: officer('护照入境章可疑') } }] },
  }),
  'joint_review.approved': phrase<{ remarks: readonly MessageParam[] }>({
    zh: ({ remarks }, t) => `各部门联合研判通过${remarks.length > 0 ? `：${remarks.map(t).join('；')}` : ''}`,
    en: ({ remarks }, t) => `approved by every agency in the joint review${remarks.length > 0 ? `: ${remarks.map(t).join('; ')}` : ''}`,
    example: { remarks: [officer('已核实')] },
  }),
};
