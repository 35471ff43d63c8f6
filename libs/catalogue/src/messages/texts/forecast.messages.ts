/**
 * The completion forecast's words (libs/catalogue forecast): what each item's earliest and latest
 * date rest on, and why a forecast moved (a supplement request, a prerequisite decided, a joint review).
 */
import { itemName } from '../names';
import { type Message, phrase, word } from '../phrase';
import { UNIT_WORDS } from '../words';

const automatic: Message = { code: 'forecast.earliest.automatic', params: { date: '2026-09-28' } };
const expected: Message = { code: 'forecast.expected.observed', params: { date: '2026-10-09', decisions: 24, workingDays: 4 } };
const limit: Message = { code: 'forecast.latest.limit', params: { date: '2026-11-13', start: '2026-09-28', amount: 20, unit: 'working_days', extension: 10 } };

export const FORECAST_MESSAGES = {
  /** One item's dates: what the earliest, the expected and the latest rest on. */
  'forecast.explanation': phrase<{ earliest: Message; expected: Message; latest: Message }>({
    zh: ({ earliest, expected, latest }, t) => `${t(earliest)}；${t(expected)}；${t(latest)}。`,
    en: ({ earliest, expected, latest }, t) => `${t(earliest)}; ${t(expected)}; ${t(latest)}.`,
    example: { earliest: automatic, expected, latest: limit },
  }),
  'forecast.earliest.automatic': phrase<{ date: string }>({
    zh: ({ date }) => `最早${date}：自动审批，前置条件满足当日即可办结`,
    en: ({ date }) => `earliest ${date}: decided automatically, on the day its prerequisites are met`,
    example: { date: '2026-09-28' },
  }),
  'forecast.earliest.manual': phrase<{ date: string }>({
    zh: ({ date }) => `最早${date}：由工作人员审批，最早于开始计时后的第一个工作日办结`,
    en: ({ date }) => `earliest ${date}: decided by an officer, at the soonest on the first working day of its clock`,
    example: { date: '2026-09-29' },
  }),
  /** The expected date from `decisions` observed decisions, whose median (rounded up) is `workingDays` from the clock's start. */
  'forecast.expected.observed': phrase<{ date: string; decisions: number; workingDays: number }>({
    zh: ({ date, decisions, workingDays }) => `预计${date}：按近期已办结${decisions}件的实际用时中位数${workingDays}个工作日估算，不晚于最迟日期`,
    en: ({ date, decisions, workingDays }) => `expected ${date}: from the median of ${decisions} recent decisions, ${workingDays} working days, never past the latest date`,
    example: { date: '2026-10-09', decisions: 24, workingDays: 4 },
  }),
  /** The expected date from the time limit alone: fewer than `minimum` decisions observed (`decisions`). */
  'forecast.expected.limit': phrase<{ date: string; statutory: boolean; decisions: number; minimum: number }>({
    zh: ({ date, statutory, decisions, minimum }) =>
      `预计${date}：仅按${statutory ? '法定期限' : '办理时限'}估算（近期已办结${decisions}件，满${minimum}件后按实际用时估算）`,
    en: ({ date, statutory, decisions, minimum }) =>
      `expected ${date}: from the ${statutory ? 'statutory limit' : 'time limit'} alone (${decisions} recent decisions observed; from ${minimum} on, the observed times are used)`,
    example: { date: '2026-11-13', statutory: true, decisions: 3, minimum: 20 },
  }),
  'forecast.expected.decided': phrase<{ date: string }>({
    zh: ({ date }) => `已于${date}办结`,
    en: ({ date }) => `decided on ${date}`,
    example: { date: '2026-10-09' },
  }),
  /** `extension`: the once-only extension the law allows (work permit: 10 working days), included in the date. */
  'forecast.latest.limit': phrase<{ date: string; start: string; amount: number; unit: string; extension?: number }>({
    zh: ({ date, start, amount, unit, extension }) =>
      extension
        ? `最迟${date}：法定期限${amount}${word(UNIT_WORDS, unit, 'zh')}，依法可延长${extension}${word(UNIT_WORDS, unit, 'zh')}（已计入），自${start}起算`
        : `最迟${date}：办理时限${amount}${word(UNIT_WORDS, unit, 'zh')}，自${start}起算`,
    en: ({ date, start, amount, unit, extension }) =>
      extension
        ? `latest ${date}: the statutory ${amount} ${word(UNIT_WORDS, unit, 'en')}, with the extension by ${extension} the law allows included, counted from ${start}`
        : `latest ${date}: the time limit of ${amount} ${word(UNIT_WORDS, unit, 'en')}, counted from ${start}`,
    example: { date: '2026-11-13', start: '2026-09-28', amount: 20, unit: 'working_days', extension: 10 },
  }),
  'forecast.decided': phrase<{ date: string; granted: boolean }>({
    zh: ({ date, granted }) => `已于${date}${granted ? '准予许可' : '作出不予许可决定'}，日期已确定。`,
    en: ({ date, granted }) => `${granted ? 'Granted' : 'Refused'} on ${date}: the date is fixed.`,
    example: { date: '2026-10-09', granted: true },
  }),
  /** `status`: terminated or withdrawn. */
  'forecast.ended': phrase<{ status: string }>({
    zh: ({ status }) => `本事项${status === 'withdrawn' ? '已撤回' : '已终止'}，不再办结。`,
    en: ({ status }) => `This item was ${status === 'withdrawn' ? 'withdrawn' : 'terminated'} and will not be decided.`,
    example: { status: 'terminated' },
  }),

  // Why a forecast moved.
  'forecast.shift.supplement_pending': phrase<{ requestedOn: string; deadline: string }>({
    zh: ({ requestedOn, deadline }) =>
      `补正材料期间暂停计时：期限自${requestedOn}补正告知之日起暂停，自补正之日起重新计算；最早和预计日期按今日补正估算，最迟按补正期限${deadline}补正估算`,
    en: ({ requestedOn, deadline }) =>
      `The clock stops while supplementary documents are awaited: it stopped with the request of ${requestedOn} and runs again from the day they arrive; the earliest and expected dates assume they arrive today, the latest by the notice's deadline, ${deadline}`,
    example: { requestedOn: '2026-09-28', deadline: '2026-10-28' },
  }),
  'forecast.shift.supplemented': phrase<{ requestedOn: string; suppliedOn: string }>({
    zh: ({ requestedOn, suppliedOn }) => `已补正：期限自${requestedOn}起暂停，${suppliedOn}补正后重新计算，日期相应顺延`,
    en: ({ requestedOn, suppliedOn }) => `Supplemented: the clock stopped with the request of ${requestedOn} and ran again after the documents arrived on ${suppliedOn}; the dates moved accordingly`,
    example: { requestedOn: '2026-09-28', suppliedOn: '2026-10-09' },
  }),
  'forecast.shift.prerequisite_granted': phrase<{ item: string; date: string }>({
    zh: ({ item, date }) => `前置事项${itemName(item, 'zh')}已于${date}准予许可，本事项自当日开始计时`,
    en: ({ item, date }) => `The prerequisite ${itemName(item, 'en')} was granted on ${date}; this item's clock started that day`,
    example: { item: 'WORK_PERMIT', date: '2026-10-09' },
  }),
  /** A prerequisite not decided yet whose clock stopped (or stood still) for supplementary documents. */
  'forecast.shift.prerequisite_supplement': phrase<{ item: string }>({
    zh: ({ item }) => `前置事项${itemName(item, 'zh')}因补正材料暂停计时，本事项日期随之顺延`,
    en: ({ item }) => `The clock of the prerequisite ${itemName(item, 'en')} stood still for supplementary documents; this item's dates move with it`,
    example: { item: 'WORK_PERMIT' },
  }),
  'forecast.shift.prerequisite_failed': phrase<{ item: string }>({
    zh: ({ item }) => `前置事项${itemName(item, 'zh')}未获许可，本事项将终止，不再办结`,
    en: ({ item }) => `The prerequisite ${itemName(item, 'en')} was not granted; this item will be terminated, not decided`,
    example: { item: 'WORK_PERMIT' },
  }),
  'forecast.shift.joint_review': phrase<Record<string, never>>({
    zh: () => '联合研判中：研判不设固定时限，由工作人员审批，办结日期可能推后',
    en: () => 'In joint review: the review has no fixed limit and an officer decides, so the dates may move later',
    example: {},
  }),
  'forecast.shift.overdue': phrase<{ date: string }>({
    zh: ({ date }) => `已超过期限${date}仍未办结，已提请牵头部门督办；最迟日期按今日显示`,
    en: ({ date }) => `Still undecided past its limit of ${date}, which escalates it to the lead agency; the latest date is shown as today`,
    example: { date: '2026-11-13' },
  }),
  /** The field problem of `POST /api/forecast`'s day of submission. */
  'forecast.field.submitted_on': phrase<{ from: string; to: string }>({
    zh: ({ from, to }) => `须为${from}至${to}之间的日期（YYYY-MM-DD）`,
    en: ({ from, to }) => `must be a date YYYY-MM-DD from ${from} to ${to}`,
    example: { from: '2026-09-28', to: '2027-09-29' },
  }),
  /** A date in a year whose State Council holiday notice is not out yet. */
  'forecast.shift.provisional_calendar': phrase<{ year: number }>({
    zh: ({ year }) => `${year}年节假日安排尚未发布，该年的日期暂按周一至周五为工作日估算`,
    en: ({ year }) => `The ${year} holiday notice is not out yet: dates in ${year} count Monday to Friday as working days for now`,
    example: { year: 2027 },
  }),
};
