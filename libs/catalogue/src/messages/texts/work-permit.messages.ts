/**
 * The work permit's rule findings (admin-approval): age, category route, certificates, passport, contract,
 * windows, term; and what the rules say when a case gives them facts they cannot work with.
 */
import type { Lang } from '../../model/catalogue.model';
import { type Message, phrase, word, yuan } from '../phrase';
import { fieldLabel, itemName } from '../names';
import { CERTIFICATE_WORDS, EDUCATION_WORDS, ROUTE_WORDS } from '../words';

const certificate = (code: string, lang: Lang) => word(CERTIFICATE_WORDS, code, lang);
const education = (value: string, lang: Lang) => word(EDUCATION_WORDS, value, lang);
const route = (value: string, lang: Lang) => word(ROUTE_WORDS, value, lang);
const notWaived: Message = { code: 'work_permit.certificate.not_waived', params: { validTo: '2021-05-31', years: 3 } };

/** The extension window as the law states it: "from `max` to `min` days before expiry", or "up to `min` days before". */
function extensionWindow(min: number, max: number | undefined, lang: Lang): string {
  if (lang === 'zh') return max === undefined ? `延期应至迟在工作许可到期前${min}日申请` : `延期应在工作许可到期前${max}日至${min}日之间申请`;
  return max === undefined ? `An extension may be filed up to ${min} days before the permit expires` : `An extension may be filed from ${max} to ${min} days before the permit expires`;
}

export const WORK_PERMIT_MESSAGES = {
  'applicant.minimum_age.met': phrase<{ age: number; today: string; minimumAge: number }>({
    zh: ({ age, today, minimumAge }) => `${today}年满${age}周岁，不低于最低年龄${minimumAge}周岁。`,
    en: ({ age, today, minimumAge }) => `Aged ${age} on ${today}, at least the minimum age of ${minimumAge}.`,
    example: { age: 35, today: '2026-03-02', minimumAge: 18 },
  }),
  'applicant.minimum_age.unmet': phrase<{ age: number; today: string; minimumAge: number }>({
    zh: ({ age, today, minimumAge }) => `${today}时年龄为${age}周岁；申请工作许可须年满${minimumAge}周岁。`,
    en: ({ age, today, minimumAge }) => `Aged ${age} on ${today}; a work permit needs the applicant to be ${minimumAge} or over.`,
    example: { age: 17, today: '2026-03-02', minimumAge: 18 },
  }),

  'work_permit.route.quota': phrase<Record<string, never>>({
    zh: () => 'C类人员在国家配额内准入，由工作人员确认配额。',
    en: () => 'Category C is admitted within the national quota; an officer confirms the quota.',
    example: {},
  }),
  'work_permit.route.unreachable': phrase<{ category: string; route: string }>({
    zh: ({ category, route: r }) => `${category}类不能通过${route(r, 'zh')}认定，应由科学技术局重新确认类别。`,
    en: ({ category, route: r }) => `Category ${category} cannot be reached through ${route(r, 'en')}; the Science and Technology Bureau should confirm the category again.`,
    example: { category: 'A', route: 'degree_and_experience' },
  }),
  'work_permit.route.quota_only': phrase<{ category: string }>({
    zh: ({ category }) => `${category}类不能通过国家配额认定。`,
    en: ({ category }) => `Category ${category} cannot be reached through the national quota.`,
    example: { category: 'B' },
  }),
  'work_permit.route.talent_programme': phrase<{ category: string }>({
    zh: ({ category }) => `经科学技术局确认，通过人才计划或公认成就认定为${category}类。`,
    en: ({ category }) => `Category ${category} through a talent programme or a recognised achievement, as confirmed by the Science and Technology Bureau.`,
    example: { category: 'A' },
  }),
  'work_permit.route.points_met': phrase<{ category: string; points: number; minimumPoints: number }>({
    zh: ({ category, points, minimumPoints }) => `通过积分认定为${category}类：${points}分，不低于${minimumPoints}分。`,
    en: ({ category, points, minimumPoints }) => `Category ${category} through points: ${points}, at least ${minimumPoints}.`,
    example: { category: 'A', points: 88, minimumPoints: 85 },
  }),
  'work_permit.route.points_unmet': phrase<{ category: string; points: number; minimumPoints: number }>({
    zh: ({ category, points, minimumPoints }) => `通过积分认定${category}类须至少${minimumPoints}分，申请人为${points}分。`,
    en: ({ category, points, minimumPoints }) => `Category ${category} through points needs at least ${minimumPoints} points; the applicant has ${points}.`,
    example: { category: 'B', points: 50, minimumPoints: 60 },
  }),
  'work_permit.route.salary_met': phrase<{ category: string; salary: number; multiple: number; needed: number }>({
    zh: ({ category, salary, multiple, needed }) => `通过薪酬认定为${category}类：年薪${yuan(salary, 'zh')}，不低于当地平均工资的${multiple}倍（${yuan(needed, 'zh')}）。`,
    en: ({ category, salary, multiple, needed }) => `Category ${category} through salary: ${salary} RMB a year, at least ${multiple} × the local average wage (${needed} RMB).`,
    example: { category: 'A', salary: 600000, multiple: 6, needed: 540000 },
  }),
  'work_permit.route.salary_unmet': phrase<{ category: string; salary: number; multiple: number; needed: number }>({
    zh: ({ category, salary, multiple, needed }) => `通过薪酬认定${category}类须年薪不低于当地平均工资的${multiple}倍（${yuan(needed, 'zh')}）；合同年薪为${yuan(salary, 'zh')}。`,
    en: ({ category, salary, multiple, needed }) =>
      `Category ${category} through salary needs at least ${multiple} × the local average wage (${needed} RMB a year); the contract pays ${salary} RMB.`,
    example: { category: 'B', salary: 200000, multiple: 4, needed: 360000 },
  }),
  'work_permit.route.degree_met': phrase<{ category: string; education: string; years: number }>({
    zh: ({ category, education: e, years }) => `通过学历和工作经历认定为${category}类：${education(e, 'zh')}学位，${years}年工作经历。`,
    en: ({ category, education: e, years }) => `Category ${category} through a ${education(e, 'en')} degree and ${years} years' experience.`,
    example: { category: 'B', education: 'master', years: 3 },
  }),
  'work_permit.route.degree_unmet': phrase<{
    category: string;
    education: string;
    minimumEducation: string;
    years: number;
    minimumYears: number;
    degreeShort: boolean;
    experienceShort: boolean;
  }>({
    zh: ({ category, education: e, minimumEducation, years, minimumYears, degreeShort, experienceShort }) =>
      `通过学历和工作经历认定${category}类须具备` +
      [
        ...(degreeShort ? [`${education(minimumEducation, 'zh')}及以上学位（申请人最高为${education(e, 'zh')}）`] : []),
        ...(experienceShort ? [`${minimumYears}年相关工作经历（申请人为${years}年）`] : []),
      ].join('和') +
      '。',
    en: ({ category, education: e, minimumEducation, years, minimumYears, degreeShort, experienceShort }) =>
      `Category ${category} through degree and experience needs ` +
      [
        ...(degreeShort ? [`a ${education(minimumEducation, 'en')} degree or higher (the applicant's highest is ${education(e, 'en')})`] : []),
        ...(experienceShort ? [`${minimumYears} years' relevant experience (the applicant has ${years})`] : []),
      ].join(' and ') +
      '.',
    example: { category: 'B', education: 'associate', minimumEducation: 'bachelor', years: 1, minimumYears: 2, degreeShort: true, experienceShort: true },
  }),

  'work_permit.age_limit.none_a': phrase<Record<string, never>>({
    zh: () => 'A类人才不设年龄上限。',
    en: () => 'Category A has no upper age limit.',
    example: {},
  }),
  'work_permit.age_limit.none_c': phrase<Record<string, never>>({
    zh: () => 'C类人员本身不设年龄上限。',
    en: () => 'Category C has no upper age limit of its own.',
    example: {},
  }),
  'work_permit.age_limit.within_b': phrase<{ age: number; today: string; maximumAge: number }>({
    zh: ({ age, today, maximumAge }) => `${today}时年龄为${age}周岁，未超过B类年龄上限${maximumAge}周岁。`,
    en: ({ age, today, maximumAge }) => `Aged ${age} on ${today}, within category B's limit of ${maximumAge}.`,
    example: { age: 40, today: '2026-03-02', maximumAge: 60 },
  }),
  'work_permit.age_limit.over_b': phrase<{ age: number; today: string; maximumAge: number }>({
    zh: ({ age, today, maximumAge }) => `B类人员须不超过${maximumAge}周岁；申请人${today}时为${age}周岁。`,
    en: ({ age, today, maximumAge }) => `Category B is for applicants aged ${maximumAge} or under; the applicant is ${age} on ${today}.`,
    example: { age: 61, today: '2026-03-02', maximumAge: 60 },
  }),

  'work_permit.certificate.valid': phrase<{ certificate: string; issuedOn: string; months: number }>({
    zh: ({ certificate: c, issuedOn, months }) => `${certificate(c, 'zh')}出具于${issuedOn}，在${months}个月有效期内。`,
    en: ({ certificate: c, issuedOn, months }) => `The ${certificate(c, 'en')} was issued on ${issuedOn}, within ${months} months.`,
    example: { certificate: 'HEALTH_CERTIFICATE', issuedOn: '2026-01-10', months: 6 },
  }),
  'work_permit.certificate.waived': phrase<{ certificate: string; years: number }>({
    zh: ({ certificate: c, years }) => `免交${certificate(c, 'zh')}：申请人近${years}年内持有过中国工作许可。`,
    en: ({ certificate: c, years }) => `The ${certificate(c, 'en')} is waived: the applicant held a Chinese work permit within the last ${years} years.`,
    example: { certificate: 'NO_CRIMINAL_RECORD', years: 3 },
  }),
  'work_permit.certificate.waiver_declared': phrase<{ certificate: string; years: number }>({
    zh: ({ certificate: c, years }) => `根据申请人近${years}年内持有过中国工作许可的声明免交${certificate(c, 'zh')}，由工作人员核实。`,
    en: ({ certificate: c, years }) =>
      `The ${certificate(c, 'en')} is waived on the applicant's declaration of a Chinese work permit held within the last ${years} years; an officer confirms it.`,
    example: { certificate: 'NO_CRIMINAL_RECORD', years: 3 },
  }),
  'work_permit.certificate.not_waived': phrase<{ validTo: string; years: number }>({
    zh: ({ validTo, years }) => `不予免交：此前持有的工作许可已于${validTo}到期，已超过${years}年。`,
    en: ({ validTo, years }) => `It is not waived: the work permit held before ended on ${validTo}, more than ${years} years ago.`,
    example: { validTo: '2021-05-31', years: 3 },
  }),
  'work_permit.certificate.missing': phrase<{ certificate: string; note?: Message }>({
    zh: ({ certificate: c, note }, t) => `缺少${certificate(c, 'zh')}。${note ? t(note) : ''}`,
    en: ({ certificate: c, note }, t) => `The ${certificate(c, 'en')} is missing.${note ? ` ${t(note)}` : ''}`,
    example: { certificate: 'NO_CRIMINAL_RECORD', note: notWaived },
  }),
  'work_permit.certificate.future': phrase<{ certificate: string; issuedOn: string; today: string; note?: Message }>({
    zh: ({ certificate: c, issuedOn, today, note }, t) => `${certificate(c, 'zh')}的出具日期${issuedOn}晚于今日（${today}）。${note ? t(note) : ''}`,
    en: ({ certificate: c, issuedOn, today, note }, t) => `The ${certificate(c, 'en')} is dated ${issuedOn}, after today (${today}).${note ? ` ${t(note)}` : ''}`,
    example: { certificate: 'HEALTH_CERTIFICATE', issuedOn: '2026-04-01', today: '2026-03-02', note: notWaived },
  }),
  'work_permit.certificate.too_old': phrase<{ certificate: string; issuedOn: string; months: number; earliest: string; note?: Message }>({
    zh: ({ certificate: c, issuedOn, months, earliest, note }, t) =>
      `${certificate(c, 'zh')}出具于${issuedOn}；须为${months}个月内（${earliest}及以后）出具。${note ? t(note) : ''}`,
    en: ({ certificate: c, issuedOn, months, earliest, note }, t) =>
      `The ${certificate(c, 'en')} was issued on ${issuedOn}; it must have been issued within ${months} months, on or after ${earliest}.${note ? ` ${t(note)}` : ''}`,
    example: { certificate: 'HEALTH_CERTIFICATE', issuedOn: '2025-01-10', months: 6, earliest: '2025-09-02', note: notWaived },
  }),

  'work_permit.passport.expires_before_start': phrase<{ passportExpiry: string; validFrom: string }>({
    zh: ({ passportExpiry, validFrom }) => `护照将于${passportExpiry}到期，早于许可起始日${validFrom}；请先换发护照。`,
    en: ({ passportExpiry, validFrom }) => `The passport expires on ${passportExpiry}, before the permit would start on ${validFrom}; renew the passport first.`,
    example: { passportExpiry: '2026-02-28', validFrom: '2026-03-02' },
  }),
  'work_permit.passport.beyond_term': phrase<{ passportExpiry: string }>({
    zh: ({ passportExpiry }) => `护照有效期至${passportExpiry}，长于许可期限。`,
    en: ({ passportExpiry }) => `The passport is valid until ${passportExpiry}, beyond the permit term.`,
    example: { passportExpiry: '2032-01-01' },
  }),
  'work_permit.passport.ends_term': phrase<{ passportExpiry: string }>({
    zh: ({ passportExpiry }) => `护照有效期至${passportExpiry}；许可期限随之届满，早于劳动合同终止。`,
    en: ({ passportExpiry }) => `The passport is valid until ${passportExpiry}; the permit ends then, before the contract does.`,
    example: { passportExpiry: '2027-01-01' },
  }),

  'work_permit.contract.ends_before_start': phrase<{ contractStart: string; contractEnd: string }>({
    zh: ({ contractStart, contractEnd }) => `劳动合同的终止日期须晚于起始日期；合同期限为${contractStart}至${contractEnd}。`,
    en: ({ contractStart, contractEnd }) => `The contract must end after it starts; it runs from ${contractStart} to ${contractEnd}.`,
    example: { contractStart: '2026-03-01', contractEnd: '2026-02-01' },
  }),
  'work_permit.contract.ended': phrase<{ contractEnd: string }>({
    zh: ({ contractEnd }) => `劳动合同已于${contractEnd}终止。`,
    en: ({ contractEnd }) => `The contract ended on ${contractEnd}.`,
    example: { contractEnd: '2026-01-31' },
  }),
  'work_permit.contract.too_short': phrase<{ longTermStayDays: number; days: number; contractStart: string; contractEnd: string; started: boolean }>({
    zh: ({ longTermStayDays, days, contractStart, contractEnd, started }) =>
      `工作许可适用于在华工作超过${longTermStayDays}日；` +
      (started ? `劳动合同已于${contractStart}开始，自今日起至${contractEnd}仅余${days}日。` : `劳动合同期限至${contractEnd}止，仅${days}日。`),
    en: ({ longTermStayDays, days, contractStart, contractEnd, started }) =>
      `A work permit is for work in China of more than ${longTermStayDays} days; ` +
      (started ? `the contract started on ${contractStart} and has ${days} days left from today` : `the contract covers ${days} days`) +
      `, to ${contractEnd}.`,
    example: { longTermStayDays: 90, days: 60, contractStart: '2026-01-01', contractEnd: '2026-05-01', started: true },
  }),
  'work_permit.contract.runs': phrase<{ contractStart: string; contractEnd: string }>({
    zh: ({ contractStart, contractEnd }) => `劳动合同期限为${contractStart}至${contractEnd}。`,
    en: ({ contractStart, contractEnd }) => `The contract runs from ${contractStart} to ${contractEnd}.`,
    example: { contractStart: '2026-03-01', contractEnd: '2028-02-29' },
  }),

  'work_permit.extension_window.within': phrase<{ days: number; validTo: string }>({
    zh: ({ days, validTo }) => `于工作许可${validTo}到期前${days}日申请，在延期申请期限内。`,
    en: ({ days, validTo }) => `Filed ${days} days before the permit expires on ${validTo}, within the extension window.`,
    example: { days: 45, validTo: '2026-05-01' },
  }),
  'work_permit.extension_window.expired': phrase<{ validTo: string }>({
    zh: ({ validTo }) => `工作许可已于${validTo}到期，不能延期，请重新申请。`,
    en: ({ validTo }) => `The permit expired on ${validTo}; an expired permit cannot be extended, apply for a new one.`,
    example: { validTo: '2026-02-01' },
  }),
  'work_permit.extension_window.too_late': phrase<{ validTo: string; days: number; min: number; max?: number }>({
    zh: ({ validTo, days, min, max }) => `${extensionWindow(min, max, 'zh')}；该许可于${validTo}到期，距今仅${days}日。`,
    en: ({ validTo, days, min, max }) => `${extensionWindow(min, max, 'en')}; it expires on ${validTo}, only ${days} days from today.`,
    example: { validTo: '2026-03-20', days: 18, min: 30, max: 90 },
  }),
  'work_permit.extension_window.too_early': phrase<{ validTo: string; days: number; min: number; max: number }>({
    zh: ({ validTo, days, min, max }) => `${extensionWindow(min, max, 'zh')}；该许可于${validTo}到期，距今${days}日，请于到期前${max}日起再申请。`,
    en: ({ validTo, days, min, max }) => `${extensionWindow(min, max, 'en')}; it expires on ${validTo}, ${days} days from today. File again from ${max} days before.`,
    example: { validTo: '2026-12-01', days: 274, min: 30, max: 90 },
  }),
  'work_permit.change_window.within': phrase<{ days: number; occurredOn: string; maxDays: number }>({
    zh: ({ days, occurredOn, maxDays }) => `于${occurredOn}发生变更后${days}日申请，在${maxDays}日期限内。`,
    en: ({ days, occurredOn, maxDays }) => `Filed ${days} days after the change on ${occurredOn}, within ${maxDays} days.`,
    example: { days: 3, occurredOn: '2026-02-27', maxDays: 10 },
  }),
  'work_permit.change_window.not_yet': phrase<{ occurredOn: string }>({
    zh: ({ occurredOn }) => `变更日期${occurredOn}晚于今日；请在变更发生后申请。`,
    en: ({ occurredOn }) => `The change is dated ${occurredOn}, after today; file it once the change has occurred.`,
    example: { occurredOn: '2026-04-01' },
  }),
  'work_permit.change_window.too_late': phrase<{ maxDays: number; occurredOn: string; days: number }>({
    zh: ({ maxDays, occurredOn, days }) => `变更应在${maxDays}日内申请；本次变更发生于${occurredOn}，已过${days}日。`,
    en: ({ maxDays, occurredOn, days }) => `A change must be filed within ${maxDays} days; this one occurred on ${occurredOn}, ${days} days ago.`,
    example: { maxDays: 10, occurredOn: '2026-01-02', days: 59 },
  }),
  'work_permit.held_permit.valid': phrase<{ validTo: string }>({
    zh: ({ validTo }) => `所持工作许可有效期至${validTo}。`,
    en: ({ validTo }) => `The work permit held is valid until ${validTo}.`,
    example: { validTo: '2027-05-01' },
  }),
  'work_permit.held_permit.expired': phrase<{ validTo: string }>({
    zh: ({ validTo }) => `所持工作许可已于${validTo}到期；过期的许可不能变更，请重新申请。`,
    en: ({ validTo }) => `The work permit held expired on ${validTo}; an expired permit cannot be changed, apply for a new one.`,
    example: { validTo: '2026-01-01' },
  }),
  'work_permit.category_change': phrase<{ category: string; points: number }>({
    zh: ({ category, points }) => `人才类别变更为${category}类（积分${points}分），经科学技术局认定。`,
    en: ({ category, points }) => `The talent category changes to ${category} (${points} points), as confirmed by the Science and Technology Bureau.`,
    example: { category: 'A', points: 88 },
  }),
  'work_permit.term.granted': phrase<{ validFrom: string; validTo: string; cap: number; category: string; passportExpiry: string }>({
    zh: ({ validFrom, validTo, cap, category, passportExpiry }) =>
      `许可期限为${validFrom}至${validTo}：按劳动合同期限，${category}类最长${cap}年，且不超过护照有效期（${passportExpiry}）。`,
    en: ({ validFrom, validTo, cap, category, passportExpiry }) =>
      `The permit would run from ${validFrom} to ${validTo}: the contract's term, at most ${cap} years for category ${category} and not beyond the passport's expiry on ${passportExpiry}.`,
    example: { validFrom: '2026-03-02', validTo: '2028-02-29', cap: 2, category: 'B', passportExpiry: '2030-01-01' },
  }),
  'work_permit.term.invalid_contract': phrase<{ contractStart: string; contractEnd: string }>({
    zh: ({ contractStart, contractEnd }) => `不能准予许可：劳动合同的终止日期须晚于起始日期，合同期限为${contractStart}至${contractEnd}。`,
    en: ({ contractStart, contractEnd }) => `No permit can be granted. The contract must end after it starts; it runs from ${contractStart} to ${contractEnd}.`,
    example: { contractStart: '2026-03-01', contractEnd: '2026-02-01' },
  }),
  'work_permit.term.none_left': phrase<{ validFrom: string; contractEnd: string; passportExpiry: string }>({
    zh: ({ validFrom, contractEnd, passportExpiry }) => `不能准予许可：自${validFrom}起已无可许可的期限，劳动合同于${contractEnd}终止，护照于${passportExpiry}到期。`,
    en: ({ validFrom, contractEnd, passportExpiry }) =>
      `No permit can be granted. No permit term is left from ${validFrom}: the contract ends on ${contractEnd} and the passport expires on ${passportExpiry}.`,
    example: { validFrom: '2026-03-02', contractEnd: '2026-02-28', passportExpiry: '2030-01-01' },
  }),

  /** Facts the rules cannot work with (a value the portal should have refused): an officer reads them in `rules_could_not_run`. */
  'work_permit.input.invalid_date': phrase<{ field: string; value: string }>({
    zh: ({ field, value }) => `${fieldLabel(field, 'zh')}须为按YYYY-MM-DD书写的真实日期，收到的是${value}。`,
    en: ({ field, value }) => `${fieldLabel(field, 'en')} must be a real date written YYYY-MM-DD, got ${value}.`,
    example: { field: 'applicant.birthDate', value: '"1988-02-30"' },
  }),
  'work_permit.input.field_missing': phrase<{ field: string }>({
    zh: ({ field }) => `办理本事项须填写“${fieldLabel(field, 'zh')}”，案件中没有该项。`,
    en: ({ field }) => `“${fieldLabel(field, 'en')}” is required for this action and is missing from the case.`,
    example: { field: 'holdings.workPermitNo' },
  }),
  'work_permit.input.prerequisite_result_invalid': phrase<{ item: string; result: string }>({
    zh: ({ item, result }) => `${itemName(item, 'zh')}的结果须包含人才类别（A、B或C）、积分和认定途径（attributes.route），收到的是${result}。`,
    en: ({ item, result }) => `The result of the ${itemName(item, 'en')} must carry a category (A, B or C), points and the route (attributes.route); got ${result}.`,
    example: { item: 'TALENT_CATEGORY', result: '{"category":"B","points":72}' },
  }),
  'work_permit.input.case_id_missing': phrase<{ value: string }>({
    zh: ({ value }) => `工作许可证号按案件编号生成，案件编号不能为空，收到的是${value}。`,
    en: ({ value }) => `A work permit is numbered from its case id, which must not be empty; got ${value}.`,
    example: { value: '" "' },
  }),
  'work_permit.input.no_apply_action': phrase<Record<string, never>>({
    zh: () => '工作许可只办理签发、变更和延期，没有“申请”这一办理类型。',
    en: () => 'A work permit is issued, changed or extended; it has no `apply` action.',
    example: {},
  }),
};
