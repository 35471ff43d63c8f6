/** What the applicant and the employer are told (the portal's notifications): a title and a body per kind. */
import type { Lang } from '../../model/catalogue.model';
import { itemWithAction, materialName } from '../names';
import { type Message, type MessageParam, phrase, type Render } from '../phrase';

interface ItemParams {
  item: string;
  action: string;
  [name: string]: MessageParam | undefined;
}

const on = (p: ItemParams, lang: Lang) => itemWithAction(p.item, p.action, lang);
const example = { item: 'WORK_PERMIT', action: 'issue' };
const officer: Message = { code: 'officer.reason', params: { text: '劳动合同期限不足' } };

function reasonZh(reason: MessageParam | undefined, t: Render): string {
  const text = reason === undefined ? '' : t(reason);
  return text ? `理由：${text}${/[。.!！]$/.test(text) ? '' : '。'}` : '';
}

function reasonEn(reason: MessageParam | undefined, t: Render): string {
  const text = reason === undefined ? '' : t(reason);
  return text ? ` Reason: ${text}${/[.!。]$/.test(text) ? '' : '.'}` : '';
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

// Without an earliest day (the residence permit, Exit-Entry Law Art. 32), only the latest is said.
function windowZh(minDays: number | undefined, maxDays: number | undefined): string {
  if (minDays === undefined) return '';
  return maxDays === undefined ? `，延期申请应至迟在到期前${minDays}日提交` : `，延期申请可在到期前${maxDays}日至${minDays}日之间提交`;
}

function windowEn(minDays: number | undefined, maxDays: number | undefined): string {
  if (minDays === undefined) return '';
  return maxDays === undefined ? `: it must be filed at least ${minDays} days before it expires` : `: it can be filed from ${maxDays} to ${minDays} days before it expires`;
}

export const NOTIFICATION_MESSAGES = {
  'notification.detail.permit_no': phrase<{ permitNo: string }>({
    zh: ({ permitNo }) => `证件号码 ${permitNo}`,
    en: ({ permitNo }) => `permit no. ${permitNo}`,
    example: { permitNo: 'WP20260123456789' },
  }),
  'notification.detail.validity': phrase<{ validFrom: string; validTo: string }>({
    zh: ({ validFrom, validTo }) => `有效期 ${validFrom} 至 ${validTo}`,
    en: ({ validFrom, validTo }) => `valid from ${validFrom} to ${validTo}`,
    example: { validFrom: '2026-03-02', validTo: '2028-02-29' },
  }),
  'notification.detail.valid_until': phrase<{ validTo: string }>({
    zh: ({ validTo }) => `有效期至 ${validTo}`,
    en: ({ validTo }) => `valid until ${validTo}`,
    example: { validTo: '2028-02-29' },
  }),
  'notification.detail.category': phrase<{ category: string }>({
    zh: ({ category }) => `人才类别 ${category} 类`,
    en: ({ category }) => `talent category ${category}`,
    example: { category: 'B' },
  }),
  'notification.detail.points': phrase<{ points: string }>({
    zh: ({ points }) => `积分 ${points} 分`,
    en: ({ points }) => `${points} points`,
    example: { points: '72' },
  }),
  'notification.detail.fee': phrase<{ fee: string }>({
    zh: ({ fee }) => `费用 ${fee} 元`,
    en: ({ fee }) => `fee CNY ${fee}`,
    example: { fee: '400' },
  }),
  'notification.detail.social_security_no': phrase<{ number: string }>({
    zh: ({ number }) => `社会保障号码 ${number}`,
    en: ({ number }) => `social security no. ${number}`,
    example: { number: 'SS3710000012345678' },
  }),

  /** The last line of a notification email: the case it is about. */
  'notification.email.case': phrase<{ caseId: string }>({
    zh: ({ caseId }) => `案件编号 ${caseId}`,
    en: ({ caseId }) => `Case ${caseId}`,
    example: { caseId: '4f0c5a2e-0000-4000-8000-000000000001' },
  }),

  'notification.granted.title': phrase<ItemParams>({
    zh: (p) => `已获批准：${on(p, 'zh')}`,
    en: (p) => `Granted: ${on(p, 'en')}`,
    example,
  }),
  'notification.granted.body': phrase<ItemParams & { details: readonly Message[] }>({
    zh: (p, t) => `您申请的${on(p, 'zh')}已获批准。${p.details.length > 0 ? `${p.details.map(t).join('，')}。` : ''}`,
    en: (p, t) => `Your application for ${on(p, 'en')} has been granted.${p.details.length > 0 ? ` ${capitalized(p.details.map(t).join(', '))}.` : ''}`,
    example: { ...example, details: [{ code: 'notification.detail.permit_no', params: { permitNo: 'WP20260123456789' } }] },
  }),
  'notification.rejected.title': phrase<ItemParams>({
    zh: (p) => `未予批准：${on(p, 'zh')}`,
    en: (p) => `Not granted: ${on(p, 'en')}`,
    example,
  }),
  'notification.rejected.body': phrase<ItemParams & { reason?: MessageParam }>({
    zh: (p, t) => `您申请的${on(p, 'zh')}未予批准。${reasonZh(p.reason, t)}`,
    en: (p, t) => `Your application for ${on(p, 'en')} has not been granted.${reasonEn(p.reason, t)}`,
    example: { ...example, reason: officer },
  }),
  'notification.terminated.title': phrase<ItemParams>({
    zh: (p) => `已终止：${on(p, 'zh')}`,
    en: (p) => `Ended: ${on(p, 'en')}`,
    example,
  }),
  'notification.terminated.body': phrase<ItemParams & { reason?: MessageParam }>({
    zh: (p, t) => `您申请的${on(p, 'zh')}因前置事项未获批准已终止。${reasonZh(p.reason, t)}`,
    en: (p, t) => `Your application for ${on(p, 'en')} has ended because an item it depends on was not granted.${reasonEn(p.reason, t)}`,
    example: { ...example, reason: officer },
  }),
  'notification.withdrawn.title': phrase<ItemParams>({
    zh: (p) => `已撤回：${on(p, 'zh')}`,
    en: (p) => `Withdrawn: ${on(p, 'en')}`,
    example,
  }),
  'notification.withdrawn.body': phrase<ItemParams & { reason?: MessageParam }>({
    zh: (p, t) => `您申请的${on(p, 'zh')}已撤回。${reasonZh(p.reason, t)}`,
    en: (p, t) => `Your application for ${on(p, 'en')} has been withdrawn.${reasonEn(p.reason, t)}`,
    example: { ...example, reason: officer },
  }),
  'notification.supplement_requested.title': phrase<ItemParams>({
    zh: (p) => `需补正材料：${on(p, 'zh')}`,
    en: (p) => `Materials needed: ${on(p, 'en')}`,
    example,
  }),
  'notification.supplement_requested.body': phrase<ItemParams & { materials: readonly string[]; reason?: MessageParam }>({
    zh: (p, t) =>
      `审查${on(p, 'zh')}的部门要求补充材料${p.materials.length > 0 ? `：${p.materials.map((m) => materialName(m, 'zh')).join('；')}` : ''}。${reasonZh(p.reason, t)}请在门户上传材料并提交补正。`,
    en: (p, t) =>
      `The agency reviewing ${on(p, 'en')} asks for more materials${p.materials.length > 0 ? `: ${p.materials.map((m) => materialName(m, 'en')).join('; ')}` : ''}.${reasonEn(p.reason, t)} Please upload them in the portal and answer the request.`,
    example: { ...example, materials: ['HEALTH_CERTIFICATE'], reason: officer },
  }),
  'notification.permit_cancelled.title': phrase<ItemParams>({
    zh: (p) => `已注销：${on(p, 'zh')}`,
    en: (p) => `Cancelled: ${on(p, 'en')}`,
    example,
  }),
  'notification.permit_cancelled.body': phrase<ItemParams & { permitNo?: string; cancelledOn: string; ground: string; contractEndedOn?: string }>({
    zh: (p) =>
      `您的${on(p, 'zh')}${p.permitNo ? `（证件号码 ${p.permitNo}）` : ''}已于${p.cancelledOn}注销，自注销之日起不再有效。` +
      (p.ground === 'joint_review_rejected' ? '联合研判未予通过。' : `用人单位报告劳动合同已于${p.contractEndedOn ?? ''}终止。`),
    en: (p) =>
      `Your ${on(p, 'en')}${p.permitNo ? ` (no. ${p.permitNo})` : ''} was cancelled on ${p.cancelledOn} and is no longer valid.` +
      (p.ground === 'joint_review_rejected' ? ' The joint review of the agencies did not approve it.' : ` The employer reported that the employment contract ended on ${p.contractEndedOn ?? ''}.`),
    example: { ...example, permitNo: 'WP20260123456789', cancelledOn: '2026-07-01', ground: 'contract_ended', contractEndedOn: '2026-06-30' },
  }),
  'notification.permit_expiring.title': phrase<ItemParams & { validTo: string }>({
    zh: (p) => `${on(p, 'zh')}将于${p.validTo}到期`,
    en: (p) => `${on(p, 'en')} expires on ${p.validTo}`,
    example: { ...example, validTo: '2028-02-29' },
  }),
  'notification.permit_expiring.body': phrase<ItemParams & { permitNo?: string; validTo: string; days: number; minDays?: number; maxDays?: number }>({
    zh: (p) => `您的${on(p, 'zh')}${p.permitNo ? `（证件号码 ${p.permitNo}）` : ''}将于${p.validTo}到期，还有${p.days}天。请及时申请延期${windowZh(p.minDays, p.maxDays)}。`,
    en: (p) =>
      `Your ${on(p, 'en')}${p.permitNo ? ` (no. ${p.permitNo})` : ''} expires on ${p.validTo}, in ${p.days} ${p.days === 1 ? 'day' : 'days'}. Please apply for its extension in time${windowEn(p.minDays, p.maxDays)}.`,
    example: { ...example, permitNo: 'WP20260123456789', validTo: '2028-02-29', days: 30, minDays: 30, maxDays: 90 },
  }),
};
