/**
 * Why a selection of items cannot be taken (the catalogue's selection rules, `POST /api/cases` 422 and
 * 400): names come in as the case's catalogue version gives them.
 */
import type { Localized } from '../../model/catalogue.model';
import { L } from '../../data/localized';
import { phrase } from '../phrase';

/** An item with its code: "外国人居留许可（RESIDENCE_PERMIT）". */
interface Named {
  name: Localized;
  code: string;
}

type NamedParams = { item: Localized; itemCode: string; prerequisite: Localized; prerequisiteCode: string };
type ActionParams = { item: Localized; itemCode: string; action: Localized };

const needsZh = (p: NamedParams) => `${p.item.zh}（${p.itemCode}）需要${p.prerequisite.zh}（${p.prerequisiteCode}）`;
const needsEn = (p: NamedParams) => `${p.item.en} (${p.itemCode}) needs the ${p.prerequisite.en} (${p.prerequisiteCode})`;
const whatZh = (p: ActionParams) => `${p.item.zh}${p.action.zh}（${p.itemCode}）`;
const whatEn = (p: ActionParams) => `${p.action.en} of the ${p.item.en} (${p.itemCode})`;

const residence: Named = { name: L('外国人居留许可', 'Residence permit for foreigners'), code: 'RESIDENCE_PERMIT' };
const work: Named = { name: L('外国人来华工作许可', 'Work permit for foreigners working in China'), code: 'WORK_PERMIT' };
const needs: NamedParams = { item: residence.name, itemCode: residence.code, prerequisite: work.name, prerequisiteCode: work.code };
const extension: ActionParams = { item: residence.name, itemCode: residence.code, action: L('延期', 'Extension') };

export const SELECTION_MESSAGES = {
  'selection.prerequisite.choose': phrase<NamedParams>({
    zh: (p) => `${needsZh(p)}：请在本次申请中一并选择。`,
    en: (p) => `${needsEn(p)}: choose it in this application too.`,
    example: needs,
  }),
  'selection.prerequisite.expired': phrase<NamedParams & { validTo: string }>({
    zh: (p) => `${needsZh(p)}：所持${p.prerequisite.zh}已于${p.validTo}到期，请在本次申请中一并选择。`,
    en: (p) => `${needsEn(p)}: the one you hold expired on ${p.validTo}; choose it in this application too.`,
    example: { ...needs, validTo: '2026-01-31' },
  }),
  'selection.prerequisite.choose_or_hold': phrase<NamedParams & { evidence: readonly Localized[] }>({
    zh: (p) => `${needsZh(p)}：请在本次申请中一并选择，或填写所持有效证件的${p.evidence.map((label) => `“${label.zh}”`).join('和')}。`,
    en: (p) => `${needsEn(p)}: choose it in this application too, or give the ${p.evidence.map((label) => `"${label.en}"`).join(' and ')} of the valid one you hold.`,
    example: { ...needs, evidence: [L('所持工作许可证号', 'Number of the work permit held'), L('所持工作许可有效期至', 'Work permit held valid until')] },
  }),
  'selection.window.date_missing': phrase<ActionParams & { field: Localized }>({
    zh: (p) => `${whatZh(p)}需要填写${p.field.zh}。`,
    en: (p) => `${whatEn(p)} needs the ${p.field.en}.`,
    example: { ...extension, field: L('所持居留许可有效期至', 'Residence permit held valid until') },
  }),
  'selection.window.latest_before_expiry': phrase<ActionParams & { minDays: number; date: string; left: number }>({
    zh: (p) => `${whatZh(p)}应至迟在有效期届满前${p.minDays}日申请；有效期至${p.date}，距今${p.left}日。`,
    en: (p) => `${whatEn(p)} must be filed at least ${p.minDays} days before expiry; it expires on ${p.date}, ${p.left} days from today.`,
    example: { ...extension, minDays: 30, date: '2026-03-20', left: 18 },
  }),
  'selection.window.before_expiry': phrase<ActionParams & { minDays: number; maxDays: number; date: string; left: number }>({
    zh: (p) => `${whatZh(p)}应在有效期届满前${p.maxDays}日至${p.minDays}日之间申请；有效期至${p.date}，距今${p.left}日。`,
    en: (p) => `${whatEn(p)} may be filed from ${p.maxDays} to ${p.minDays} days before expiry; it expires on ${p.date}, ${p.left} days from today.`,
    example: { ...extension, minDays: 30, maxDays: 90, date: '2026-12-01', left: 274 },
  }),
  'selection.window.change_not_yet': phrase<ActionParams & { date: string }>({
    zh: (p) => `${whatZh(p)}：变更事项发生日期${p.date}晚于今日，变更发生后方可申请。`,
    en: (p) => `${whatEn(p)}: the change date ${p.date} is after today; file once the change has occurred.`,
    example: { ...extension, action: L('变更', 'Change'), date: '2026-04-01' },
  }),
  'selection.window.change_late': phrase<ActionParams & { maxDays: number; date: string; since: number }>({
    zh: (p) => `${whatZh(p)}应在变更事项发生之日起${p.maxDays}日内申请；变更发生于${p.date}，已过${p.since}日。`,
    en: (p) => `${whatEn(p)} must be filed within ${p.maxDays} days of the change; the change occurred on ${p.date}, ${p.since} days ago.`,
    example: { ...extension, action: L('变更', 'Change'), maxDays: 10, date: '2026-01-02', since: 59 },
  }),

  'selection.empty': phrase<Record<string, never>>({
    zh: () => '请至少选择一个事项',
    en: () => 'Choose at least one item',
    example: {},
  }),
  'selection.unknown_item': phrase<{ item: string; version: string }>({
    zh: ({ item, version }) => `${item}不是事项目录${version}中的事项`,
    en: ({ item, version }) => `${item} is not an item of catalogue ${version}`,
    example: { item: 'LUNCH', version: '2026.1' },
  }),
  'selection.step': phrase<{ item: string }>({
    zh: ({ item }) => `${item}是所需事项内部的环节，不能单独选择`,
    en: ({ item }) => `${item} is a step inside the items that need it and cannot be chosen on its own`,
    example: { item: 'TALENT_CATEGORY' },
  }),
  'selection.duplicate': phrase<{ item: string }>({
    zh: ({ item }) => `${item}被重复选择；每个事项只能选择一种办理类型`,
    en: ({ item }) => `${item} is chosen more than once; choose one action per item`,
    example: { item: 'WORK_PERMIT' },
  }),
  'selection.action_not_offered': phrase<{ item: string; action: string; offered: readonly string[] }>({
    zh: ({ item, action, offered }) => `${item}不提供${action}办理类型（可选：${offered.join('、')}）`,
    en: ({ item, action, offered }) => `${item} does not offer the action ${action} (it offers ${offered.join(', ')})`,
    example: { item: 'SOCIAL_INSURANCE', action: 'extend', offered: ['apply'] },
  }),
};
