/** The talent category step's findings (science-tech): the points and every route to A, B and C. */
import type { Lang } from '../../model/catalogue.model';
import { type Message, type MessageParam, phrase, word, yuan } from '../phrase';
import { EDUCATION_WORDS, POINTS_FACTOR_WORDS, ROUTE_WORDS } from '../words';

const education = (value: string, lang: Lang) => word(EDUCATION_WORDS, value, lang);
const years = (amount: number) => (amount === 1 ? '1 year' : `${amount} years`);
const factor: Message = { code: 'talent.points_factor', params: { factor: 'education', points: 20 } };
const salaryUnmet: Message = { code: 'talent.route.salary_unmet', params: { salary: 200000, multiple: 6, needed: 540000 } };

export const TALENT_MESSAGES = {
  'talent.minimum_age.met': phrase<{ minimumAge: number; today: string }>({
    zh: ({ minimumAge, today }) => `${today}已年满${minimumAge}周岁，符合工作许可的年龄要求。`,
    en: ({ minimumAge, today }) => `Aged ${minimumAge} or over on ${today}, as a work permit needs.`,
    example: { minimumAge: 18, today: '2026-03-02' },
  }),
  'talent.minimum_age.unmet': phrase<{ age: number; today: string; minimumAge: number }>({
    zh: ({ age, today, minimumAge }) => `${today}时年龄为${age}周岁；申请工作许可须年满${minimumAge}周岁。`,
    en: ({ age, today, minimumAge }) => `Aged ${age} on ${today}; a work permit needs the applicant to be ${minimumAge} or over.`,
    example: { age: 17, today: '2026-03-02', minimumAge: 18 },
  }),
  'talent.points_factor': phrase<{ factor: string; points: number }>({
    zh: ({ factor: f, points }) => `${word(POINTS_FACTOR_WORDS, f, 'zh')}${points}分`,
    en: ({ factor: f, points }) => `${word(POINTS_FACTOR_WORDS, f, 'en')} ${points}`,
    example: { factor: 'annual_salary', points: 20 },
  }),
  'talent.points_summary': phrase<{ total: number; maximum: number; factors: readonly Message[] }>({
    zh: ({ total, maximum, factors }, t) => `积分：${total}分（满分${maximum}分；${factors.map(t).join('，')}）。`,
    en: ({ total, maximum, factors }, t) => `Points: ${total} of ${maximum} (${factors.map(t).join(', ')}).`,
    example: { total: 72, maximum: 120, factors: [factor] },
  }),
  'talent.route.programme_met': phrase<Record<string, never>>({
    zh: () => '通过公认的人才计划认定为A类。',
    en: () => 'Category A through a recognised talent programme.',
    example: {},
  }),
  'talent.route.programme_unmet': phrase<Record<string, never>>({
    zh: () => '未入选公认的人才计划',
    en: () => 'not selected by a recognised talent programme',
    example: {},
  }),
  'talent.route.salary_met': phrase<{ category: string; salary: number; multiple: number; needed: number }>({
    zh: ({ category, salary, multiple, needed }) => `通过薪酬认定为${category}类：年薪${yuan(salary, 'zh')}，不低于当地平均工资的${multiple}倍（${yuan(needed, 'zh')}）。`,
    en: ({ category, salary, multiple, needed }) => `Category ${category} through salary: ${yuan(salary, 'en')} a year, at least ${multiple} × the local average wage (${yuan(needed, 'en')}).`,
    example: { category: 'A', salary: 600000, multiple: 6, needed: 540000 },
  }),
  'talent.route.salary_unmet': phrase<{ salary: number; multiple: number; needed: number }>({
    zh: ({ salary, multiple, needed }) => `年薪${yuan(salary, 'zh')}低于当地平均工资的${multiple}倍（${yuan(needed, 'zh')}）`,
    en: ({ salary, multiple, needed }) => `salary of ${yuan(salary, 'en')} a year is below ${multiple} × the local average wage (${yuan(needed, 'en')})`,
    example: { salary: 200000, multiple: 6, needed: 540000 },
  }),
  'talent.route.points_met': phrase<{ category: string; total: number; minimumPoints: number }>({
    zh: ({ category, total, minimumPoints }) => `通过积分认定为${category}类：${total}分，不低于${minimumPoints}分。`,
    en: ({ category, total, minimumPoints }) => `Category ${category} through points: ${total}, at least ${minimumPoints}.`,
    example: { category: 'B', total: 65, minimumPoints: 60 },
  }),
  'talent.route.points_unmet': phrase<{ total: number; minimumPoints: number }>({
    zh: ({ total, minimumPoints }) => `积分${total}分，低于${minimumPoints}分`,
    en: ({ total, minimumPoints }) => `${total} points, below ${minimumPoints}`,
    example: { total: 50, minimumPoints: 85 },
  }),
  'talent.route.degree_met': phrase<{ education: string; years: number; minimumEducation: string; minimumYears: number }>({
    zh: ({ education: e, years: y, minimumEducation, minimumYears }) =>
      `通过学历和工作经历认定为B类：${education(e, 'zh')}学位，${y}年工作经历，不低于${education(minimumEducation, 'zh')}学位和${minimumYears}年。`,
    en: ({ education: e, years: y, minimumEducation, minimumYears }) =>
      `Category B through degree and experience: a ${education(e, 'en')} degree and ${years(y)} of experience, at least a ${education(minimumEducation, 'en')} degree and ${years(minimumYears)}.`,
    example: { education: 'master', years: 3, minimumEducation: 'bachelor', minimumYears: 2 },
  }),
  'talent.route.degree_unmet': phrase<{ education: string; years: number; minimumEducation: string; minimumYears: number; degreeShort: boolean; experienceShort: boolean }>({
    zh: ({ education: e, years: y, minimumEducation, minimumYears, degreeShort, experienceShort }) =>
      '学历和工作经历须具备' +
      [
        ...(degreeShort ? [`${education(minimumEducation, 'zh')}及以上学位（最高为${education(e, 'zh')}）`] : []),
        ...(experienceShort ? [`${minimumYears}年工作经历（现为${y}年）`] : []),
      ].join('和'),
    en: ({ education: e, years: y, minimumEducation, minimumYears, degreeShort, experienceShort }) =>
      'degree and experience need ' +
      [
        ...(degreeShort ? [`a ${education(minimumEducation, 'en')} degree or higher (highest is ${education(e, 'en')})`] : []),
        ...(experienceShort ? [`${years(minimumYears)} of experience (has ${years(y)})`] : []),
      ].join(' and '),
    example: { education: 'associate', years: 1, minimumEducation: 'bachelor', minimumYears: 2, degreeShort: true, experienceShort: true },
  }),
  /** Why a higher category was not reached: the reasons of every route to it. */
  'talent.not_reached': phrase<{ category: string; reasons: readonly MessageParam[] }>({
    zh: ({ category, reasons }, t) => `未达到${category}类：${reasons.map(t).join('；')}。`,
    en: ({ category, reasons }, t) => `Category ${category} not reached: ${reasons.map(t).join('; ')}.`,
    example: { category: 'A', reasons: [salaryUnmet] },
  }),
  'talent.not_reached_b_age': phrase<{ age: number; today: string; maximumAge: number; routes: readonly string[] }>({
    zh: ({ age, today, maximumAge, routes }) =>
      `未达到B类：${today}时年龄为${age}周岁，超过B类年龄上限${maximumAge}周岁` +
      (routes.length > 0 ? `，尽管通过${routes.map((r) => word(ROUTE_WORDS, r, 'zh')).join('和')}可达到B类。` : '。'),
    en: ({ age, today, maximumAge, routes }) =>
      `Category B not reached: aged ${age} on ${today}, over category B's age limit of ${maximumAge}` +
      (routes.length > 0 ? `, although ${routes.map((r) => word(ROUTE_WORDS, r, 'en')).join(' and ')} would reach it.` : '.'),
    example: { age: 61, today: '2026-03-02', maximumAge: 60, routes: ['points'] },
  }),
  'talent.category_c': phrase<Record<string, never>>({
    zh: () => 'C类：在国家配额内准入，由工作人员确认配额。',
    en: () => 'Category C: admitted within the national quota, which an officer confirms.',
    example: {},
  }),
  /** The category rests on the applicant's declared programme or achievement (`claim`, as written). */
  'talent.claim_unverified': phrase<{ claim: string; category: string }>({
    zh: ({ claim, category }) => `类别以申报的人才计划或成就“${claim}”为依据，须由工作人员核实；不计该项则为${category}类。`,
    en: ({ claim, category }) => `The category rests on the declared talent programme or achievement "${claim}", which an officer verifies; without it the category is ${category}.`,
    example: { claim: '泰山学者', category: 'B' },
  }),

  // Facts the points table cannot read (a value the portal should have refused): the rules stop and an officer reads why.
  // `field` names the profile's field as the rules call it; `value` is what was received, as JSON.
  'talent.invalid.date': phrase<{ field: string; value: string }>({
    zh: ({ field, value }) => `${field}须为真实日期，格式为YYYY-MM-DD，收到的是${value}`,
    en: ({ field, value }) => `${field} must be a real date written YYYY-MM-DD, got ${value}`,
    example: { field: 'birthDate', value: '"1990-02-30"' },
  }),
  'talent.invalid.born_after_today': phrase<{ birthDate: string; today: string }>({
    zh: ({ birthDate, today }) => `出生日期${birthDate}晚于今天（${today}）`,
    en: ({ birthDate, today }) => `birthDate ${birthDate} is after today (${today})`,
    example: { birthDate: '2026-03-03', today: '2026-03-02' },
  }),
  'talent.invalid.not_one_of': phrase<{ field: string; allowed: readonly string[]; value: string }>({
    zh: ({ field, allowed, value }) => `${field}须为${allowed.join('、')}之一，收到的是${value}`,
    en: ({ field, allowed, value }) => `${field} must be one of ${allowed.join(', ')}, got ${value}`,
    example: { field: 'education', allowed: ['none', 'associate', 'bachelor', 'master', 'doctorate'], value: '"phd"' },
  }),
  'talent.invalid.area_code': phrase<{ field: string; value: string }>({
    zh: ({ field, value }) => `${field}须为行政区划代码，收到的是${value}`,
    en: ({ field, value }) => `${field} must be an area code, got ${value}`,
    example: { field: 'workLocation', value: '371002' },
  }),
  'talent.invalid.number': phrase<{ field: string; minimum: number; maximum?: number; value: string }>({
    zh: ({ field, minimum, maximum, value }) => `${field}须为${maximum === undefined ? `不小于${minimum}` : `${minimum}至${maximum}之间`}的数字，收到的是${value}`,
    en: ({ field, minimum, maximum, value }) => `${field} must be a number ${maximum === undefined ? `at least ${minimum}` : `from ${minimum} to ${maximum}`}, got ${value}`,
    example: { field: 'localBonus', minimum: 0, maximum: 10, value: '11' },
  }),
};
