import type { CatalogueItem, Lang, Localized } from '../model/catalogue.model';
import type { OneThingSectionId, ServiceGuideSectionId } from './guide.types';

/**
 * The only hand-written words of the guides: headings, labels and the phrases that join catalogue
 * values into sentences. Every fact (names, agencies, days, fees, materials, laws) comes from the
 * catalogue.
 */

export const KIND_LABELS: Record<CatalogueItem['kind'], Localized> = {
  basic: { zh: '基础服务事项', en: 'Basic item' },
  extended: { zh: '拓展服务事项', en: 'Extended item' },
  step: { zh: '流程内环节（无需单独申请）', en: 'Step within the flow (no separate application)' },
};

export const SERVICE_GUIDE_HEADINGS: Record<ServiceGuideSectionId, Localized> = {
  item: { zh: '事项名称及实施机关', en: 'Item and competent agency' },
  service: { zh: '办理地点、时间及方式', en: 'Where, when and how' },
  legalBasis: { zh: '设定依据', en: 'Legal basis' },
  conditions: { zh: '受理条件', en: 'Acceptance conditions' },
  materials: { zh: '申请材料', en: 'Application materials' },
  timeLimit: { zh: '办结时限', en: 'Time limit' },
  fee: { zh: '收费标准', en: 'Fee' },
  result: { zh: '办理结果', en: 'Result' },
  supportingSystem: { zh: '支撑系统', en: 'Supporting system' },
  prerequisites: { zh: '前置事项', en: 'Prerequisites' },
  filingWindows: { zh: '申请时间要求', en: 'When to file' },
};

export const ONE_THING_HEADINGS: Record<OneThingSectionId, Localized> = {
  scope: { zh: '服务事项', en: 'What the one thing covers' },
  service: { zh: '办理地点、时间及咨询方式', en: 'Where and when, and whom to ask' },
  applicants: { zh: '申请方式', en: 'Who may apply, and where' },
  materials: { zh: '申请材料（一套材料）', en: 'Application materials (one set)' },
  timeLimitsAndFees: { zh: '办结时限及收费标准', en: 'Time limits and fees' },
  approvalOrder: { zh: '并联审批顺序', en: 'Order of parallel approval' },
  flowChart: { zh: '业务流程图', en: 'Business flow chart' },
};

export interface GuidePhrases {
  /** Parenthesised aside appended to a line. */
  aside(text: string): string;
  colon(label: string, text: string): string;
  serviceGuideTitle(itemName: string): string;
  oneThingTitle: string;
  flowChartTitle: string;
  catalogueVersion(version: string): string;
  itemName(name: string): string;
  registeredCode(code: string): string;
  place(place: string): string;
  hours(hours: string): string;
  phone(phone: string): string;
  online(online: string): string;
  statutoryLimit(limit: string): string;
  extendableBy(workingDays: number): string;
  promisedLimit(limit: string): string;
  visits(count: number): string;
  payment(how: string): string;
  agency(name: string): string;
  kind(label: string): string;
  actions(names: string[]): string;
  required: string;
  optional: string;
  issuedWithin(months: number): string;
  onlyWhen(condition: string): string;
  noMaterials: string;
  days(amount: number, unit: 'working_days' | 'calendar_days'): string;
  free: string;
  /** One band of a fee by validity: `[fromMonths, belowMonths)`; `upToMonths` when the band ends on a whole year inclusive. */
  feeBand(band: { fromMonths: number; belowMonths?: number; upToMonths?: number }, feeCny: number): string;
  prerequisite(name: string, agency: string, isStep: boolean): string;
  heldEvidence(prerequisiteName: string, fieldLabel: string): string;
  noPrerequisites: string;
  /** Without `maxDays`, any time up to `minDays` days before the date. */
  fileBeforeExpiry(field: string, minDays: number, maxDays: number | undefined): string;
  fileAfterEvent(field: string, maxDays: number): string;
  noFilingWindow: string;
  applicants: string[];
  scopeLine(kind: string, item: string, actions: string[], agency: string): string;
  steps(steps: string[]): string;
  materialUsedBy(material: string, itemNames: string[]): string;
  materialsScope: string;
  reduction(r: { fieldsSeparate: number; fieldsMerged: number; materialsSeparate: number; materialsMerged: number }): string;
  itemTimeAndFee(itemName: string, timeLimit: string, fee: string[]): string;
  stageSubmission(agencies: string[]): string;
  stage(stage: number, items: string[], waitsFor: string[], parallel: boolean): string;
  stageNotification(stage: number): string;
  flowChartSee: string;
  node: {
    submit: string[];
    preReviewCluster: string;
    preReview: string;
    parallel: string;
    parallelAfter(names: string[]): string;
    notify: string[];
  };
}

const zhMonths = (m: number): string => (m % 12 === 0 ? `${m / 12}年` : `${m}个月`);
const enMonths = (m: number): string => {
  if (m % 12 === 0) return m === 12 ? '1 year' : `${m / 12} years`;
  return m === 1 ? '1 month' : `${m} months`;
};
const enPlural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
/** "a, b and c"; names that hold commas themselves (agency names) are joined with semicolons instead. */
const enAnd = (parts: string[]): string => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`);
const enSeries = (parts: string[]): string => parts.join('; ');

const zh: GuidePhrases = {
  aside: (text) => `（${text}）`,
  colon: (label, text) => `${label}：${text}`,
  serviceGuideTitle: (name) => `${name}办事指南`,
  oneThingTitle: '外国人来华工作“一件事”办事指南',
  flowChartTitle: '外国人来华工作“一件事”业务流程图',
  catalogueVersion: (v) => `事项目录版本：${v}`,
  itemName: (name) => `事项名称：${name}`,
  registeredCode: (code) => `事项编码：${code}`,
  place: (place) => `办理地点：${place}`,
  hours: (hours) => `办理时间：${hours}`,
  phone: (phone) => `咨询电话：${phone}`,
  online: (online) => `网上办理：${online}`,
  statutoryLimit: (limit) => `法定办结时限：${limit}`,
  extendableBy: (days) => `，可延长${days}个工作日`,
  promisedLimit: (limit) => `承诺办结时限：${limit}`,
  visits: (count) => (count === 0 ? '到办事现场次数：0次（全程网办）' : `到办事现场次数：最多${count}次`),
  payment: (how) => `缴费方式：${how}`,
  agency: (name) => `实施机关：${name}`,
  kind: (label) => `事项类型：${label}`,
  actions: (names) => `办理情形：${names.join('、')}`,
  required: '必需',
  optional: '非必需',
  issuedWithin: (m) => `须为提交前${zhMonths(m)}内出具`,
  onlyWhen: (c) => `仅限${c}`,
  noMaterials: '无需提交材料',
  days: (n, unit) => `${n}个${unit === 'working_days' ? '工作日' : '自然日'}`,
  free: '不收费',
  feeBand: ({ fromMonths, belowMonths, upToMonths }, fee) => {
    const from = fromMonths === 0 ? '' : `${zhMonths(fromMonths)}以上`;
    const to = upToMonths !== undefined ? `至${zhMonths(upToMonths)}` : belowMonths !== undefined ? `不满${zhMonths(belowMonths)}` : '';
    return `有效期${from}${to}：${fee}元`;
  },
  prerequisite: (name, agency, isStep) => `${name}（${agency}${isStep ? '，流程内环节，无需单独申请' : ''}）`,
  heldEvidence: (name, field) => `已持有有效${name}的，无需同时申请，在申请表填写“${field}”即可`,
  noPrerequisites: '无前置事项，提交后即可办理',
  fileBeforeExpiry: (field, min, max) =>
    max === undefined ? `应至迟在“${field}”前${min}日提出` : min === max ? `应在“${field}”前${max}日提出` : `应在“${field}”前${max}日至${min}日之间提出`,
  fileAfterEvent: (field, max) => `应自“${field}”之日起${max}日内提出`,
  noFilingWindow: '无特定申请时间要求',
  applicants: [
    '外国人本人：通过“一件事”网上入口一次提交、一表申请',
    '用人单位：为所聘用的外国人网上代为申请',
    '线下“一件事”窗口：工作人员受理并录入，与网上申请同一流程',
  ],
  scopeLine: (kind, item, actions, agency) => `${kind}：${item}（${actions.join('、')}）— ${agency}`,
  steps: (steps) => `流程内环节（无需单独申请）：${steps.join('、')}`,
  materialUsedBy: (material, items) => `${material} — 用于：${items.join('、')}`,
  materialsScope: '以上为首次申请所需材料，同一材料只需提交一次；变更、延期所需材料见各事项办事指南',
  reduction: (r) => `分别办理需填写${r.fieldsSeparate}项信息、提交${r.materialsSeparate}份材料；“一件事”一表申请只需填写${r.fieldsMerged}项、提交${r.materialsMerged}份`,
  itemTimeAndFee: (item, time, fee) => `${item}：${time}；${fee.join('；')}`,
  stageSubmission: (agencies) => `第1步：一次提交、一表申请；${agencies.join('、')}同时开展预审`,
  stage: (n, items, waits, parallel) =>
    `第${n}步${parallel ? '（并联办理）' : ''}：${items.join('、')}` + (waits.length > 0 ? `；待${waits.join('、')}完成后作出决定` : ''),
  stageNotification: (n) => `第${n}步：各事项办理结果告知申请人和用人单位`,
  flowChartSee: '见下图（由事项目录自动生成）',
  node: {
    submit: ['一次提交、一表申请', '网上入口或线下“一件事”窗口'],
    preReviewCluster: '各部门同时预审（并联）',
    preReview: '预审',
    parallel: '并联办理',
    parallelAfter: (names) => `并联办理（待${names.join('、')}办结）`,
    notify: ['办理结果告知', '申请人和用人单位'],
  },
};

const en: GuidePhrases = {
  aside: (text) => ` (${text})`,
  colon: (label, text) => `${label}: ${text}`,
  serviceGuideTitle: (name) => `Service guide: ${name}`,
  oneThingTitle: 'Service guide: foreigners coming to work in China — one thing',
  flowChartTitle: 'Foreigners coming to work in China — one thing: business flow chart',
  catalogueVersion: (v) => `Catalogue version ${v}`,
  itemName: (name) => `Item: ${name}`,
  registeredCode: (code) => `Item code: ${code}`,
  place: (place) => `Where: ${place}`,
  hours: (hours) => `Opening hours: ${hours}`,
  phone: (phone) => `Enquiries: ${phone}`,
  online: (online) => `Online: ${online}`,
  statutoryLimit: (limit) => `Statutory time limit: ${limit}`,
  extendableBy: (days) => `, extendable by ${enPlural(days, 'working day', 'working days')}`,
  promisedLimit: (limit) => `Promised time limit: ${limit}`,
  visits: (count) => (count === 0 ? 'Visits in person: none (entirely online)' : `Visits in person: at most ${enPlural(count, 'visit', 'visits')}`),
  payment: (how) => `How to pay: ${how}`,
  agency: (name) => `Competent agency: ${name}`,
  kind: (label) => `Kind: ${label}`,
  actions: (names) => `Applications: ${names.join(', ')}`,
  required: 'required',
  optional: 'optional',
  issuedWithin: (m) => `issued within ${enMonths(m)} before submission`,
  onlyWhen: (c) => c,
  noMaterials: 'No materials to submit',
  days: (n, unit) => (unit === 'working_days' ? enPlural(n, 'working day', 'working days') : enPlural(n, 'calendar day', 'calendar days')),
  free: 'Free of charge',
  feeBand: ({ fromMonths, belowMonths, upToMonths }, fee) => {
    const amount = `RMB ${fee.toLocaleString('en-US')}`;
    if (fromMonths === 0 && belowMonths !== undefined) return `Validity under ${enMonths(belowMonths)}: ${amount}`;
    if (upToMonths !== undefined) return `Validity ${enMonths(fromMonths)} to ${enMonths(upToMonths)}: ${amount}`;
    if (belowMonths !== undefined) return `Validity ${enMonths(fromMonths)} to under ${enMonths(belowMonths)}: ${amount}`;
    return `Validity ${enMonths(fromMonths)} or more: ${amount}`;
  },
  prerequisite: (name, agency, isStep) => `${name} (${agency}${isStep ? '; a step within the flow, no separate application' : ''})`,
  heldEvidence: (name, field) => `Already hold a valid ${name}? Then you need not apply for it as well: give "${field}" on the form`,
  noPrerequisites: 'No prerequisites: handled as soon as it is submitted',
  fileBeforeExpiry: (field, min, max) =>
    max === undefined
      ? `File at least ${min} days before the date in "${field}"`
      : min === max
        ? `File ${max} days before the date in "${field}"`
        : `File between ${max} and ${min} days before the date in "${field}"`,
  fileAfterEvent: (field, max) => `File within ${max} days after the date in "${field}"`,
  noFilingWindow: 'No filing window applies',
  applicants: [
    'The foreigner: online, through the one-thing entry — submit once, one form',
    'The employer: online, on behalf of the foreigner it hires',
    'The offline one-thing window: a clerk takes the application; the same flow as online',
  ],
  scopeLine: (kind, item, actions, agency) => `${kind}: ${item} (${actions.join(', ')}) — ${agency}`,
  steps: (steps) => `Steps within the flow (no separate application): ${enSeries(steps)}`,
  materialUsedBy: (material, items) => `${material} — used for: ${enSeries(items)}`,
  materialsScope: "These are the materials of a first application; each is submitted once. For a change or an extension, see each item's guide",
  reduction: (r) =>
    `Applied for one by one: ${r.fieldsSeparate} form entries and ${r.materialsSeparate} documents; as one thing, on one form: ${r.fieldsMerged} entries and ${r.materialsMerged} documents`,
  itemTimeAndFee: (item, time, fee) => `${item}: ${time}; ${fee.join('; ')}`,
  stageSubmission: (agencies) => `Step 1: submit once, one form. Pre-review starts at the same time at: ${enSeries(agencies)}`,
  stage: (n, items, waits, parallel) =>
    `Step ${n}${parallel ? ' (in parallel)' : ''}: ${enSeries(items)}` + (waits.length > 0 ? ` — decided once ${enAnd(waits)} ${waits.length === 1 ? 'is' : 'are'} done` : ''),
  stageNotification: (n) => `Step ${n}: each result is notified to the applicant and the employer`,
  flowChartSee: 'See the chart below (generated from the catalogue)',
  node: {
    submit: ['Submit once, one form', 'online or at the one-thing window'],
    preReviewCluster: 'Pre-review by every agency, in parallel',
    preReview: 'pre-review',
    parallel: 'In parallel',
    parallelAfter: (names) => `In parallel, waiting for: ${enAnd(names)}`,
    notify: ['Results notified to', 'the applicant and the employer'],
  },
};

export const PHRASES: Record<Lang, GuidePhrases> = { zh, en };
