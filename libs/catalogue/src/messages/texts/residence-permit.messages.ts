/** The residence permit's rule findings (public-security): passport, health certificate, entry, windows, validity. */
import type { Lang } from '../../model/catalogue.model';
import { phrase, word } from '../phrase';
import { VALIDITY_LIMIT_SUBJECTS, VALIDITY_LIMIT_WORDS } from '../words';

/** The extension window as Art. 32 states it, with the catalogue's opening when it sets one. */
function extensionWindow(min: number, max: number | undefined, lang: Lang): string {
  if (lang === 'zh') return max === undefined ? `延期应至迟在有效期届满前${min}日申请` : `延期应在有效期届满前${max}日至${min}日之间申请`;
  return max === undefined ? `an extension is filed at least ${min} days before expiry` : `an extension is filed ${max} to ${min} days before expiry`;
}

export const RESIDENCE_PERMIT_MESSAGES = {
  'residence_permit.passport.valid': phrase<{ passportExpiry: string }>({
    zh: ({ passportExpiry }) => `护照有效期至${passportExpiry}。`,
    en: ({ passportExpiry }) => `The passport is valid until ${passportExpiry}.`,
    example: { passportExpiry: '2030-01-01' },
  }),
  'residence_permit.passport.expired': phrase<{ passportExpiry: string }>({
    zh: ({ passportExpiry }) => `护照已于${passportExpiry}到期。`,
    en: ({ passportExpiry }) => `The passport expired on ${passportExpiry}.`,
    example: { passportExpiry: '2026-01-01' },
  }),
  'residence_permit.health.exempt_under': phrase<{ age: number; under: number }>({
    zh: ({ age, under }) => `无需体检证明：${age}周岁，未满${under}周岁。`,
    en: ({ age, under }) => `No health certificate needed: aged ${age}, under ${under}.`,
    example: { age: 16, under: 18 },
  }),
  'residence_permit.health.exempt_over': phrase<{ age: number; over: number }>({
    zh: ({ age, over }) => `无需体检证明：${age}周岁，超过${over}周岁。`,
    en: ({ age, over }) => `No health certificate needed: aged ${age}, over ${over}.`,
    example: { age: 72, over: 70 },
  }),
  'residence_permit.health.missing': phrase<{ age: number; under: number; over: number }>({
    zh: ({ age, under, over }) => `${age}周岁须提交体检证明（未满${under}周岁或超过${over}周岁者免交）。`,
    en: ({ age, under, over }) => `A health certificate is required at age ${age} (exempt under ${under} and over ${over}).`,
    example: { age: 35, under: 18, over: 70 },
  }),
  'residence_permit.health.valid': phrase<{ issuedOn: string; months: number }>({
    zh: ({ issuedOn, months }) => `体检证明出具于${issuedOn}，在${months}个月有效期内。`,
    en: ({ issuedOn, months }) => `Health certificate issued on ${issuedOn}, within ${months} months.`,
    example: { issuedOn: '2026-01-10', months: 6 },
  }),
  'residence_permit.health.too_old': phrase<{ issuedOn: string; months: number; earliest: string }>({
    zh: ({ issuedOn, months, earliest }) => `体检证明出具于${issuedOn}，已超过${months}个月；须提交${earliest}及以后出具的证明。`,
    en: ({ issuedOn, months, earliest }) => `The health certificate issued on ${issuedOn} is older than ${months} months; one issued on or after ${earliest} is required.`,
    example: { issuedOn: '2025-01-10', months: 6, earliest: '2025-09-02' },
  }),
  'residence_permit.entry.after_filing': phrase<{ entryDate: string; filedOn: string }>({
    zh: ({ entryDate, filedOn }) => `入境日期${entryDate}晚于申请日期${filedOn}。`,
    en: ({ entryDate, filedOn }) => `The entry date ${entryDate} is after the filing date ${filedOn}.`,
    example: { entryDate: '2026-03-05', filedOn: '2026-03-02' },
  }),
  'residence_permit.entry.within': phrase<{ days: number; entryDate: string; limit: number }>({
    zh: ({ days, entryDate, limit }) => `于${entryDate}入境后${days}日申请，在${limit}日期限内。`,
    en: ({ days, entryDate, limit }) => `Filed ${days} days after entry on ${entryDate}, within ${limit} days.`,
    example: { days: 12, entryDate: '2026-02-18', limit: 30 },
  }),
  'residence_permit.entry.late': phrase<{ days: number; entryDate: string; limit: number }>({
    zh: ({ days, entryDate, limit }) => `于${entryDate}入境后${days}日申请；居留许可应在入境之日起${limit}日内申请。`,
    en: ({ days, entryDate, limit }) => `Filed ${days} days after entry on ${entryDate}; a residence permit is applied for within ${limit} days of entry.`,
    example: { days: 45, entryDate: '2026-01-16', limit: 30 },
  }),
  'residence_permit.validity.granted': phrase<{ validFrom: string; validTo: string; months: number; days: number; limitedBy: string }>({
    zh: ({ validFrom, validTo, months, days, limitedBy }) => `有效期${validFrom}至${validTo}（${months}个月，${days}日），${word(VALIDITY_LIMIT_WORDS, limitedBy, 'zh')}。`,
    en: ({ validFrom, validTo, months, days, limitedBy }) => `Validity ${validFrom} to ${validTo} (${months} months, ${days} days), ${word(VALIDITY_LIMIT_WORDS, limitedBy, 'en')}.`,
    example: { validFrom: '2026-03-02', validTo: '2027-03-01', months: 12, days: 365, limitedBy: 'work_permit' },
  }),
  'residence_permit.validity.too_short': phrase<{ limitedBy: string; validTo: string; validFrom: string; days: number; minDays: number }>({
    zh: ({ limitedBy, validTo, validFrom, days, minDays }) =>
      `${word(VALIDITY_LIMIT_SUBJECTS, limitedBy, 'zh')}于${validTo}届满，` +
      (days > 0 ? `自${validFrom}起仅余${days}日` : `早于${validFrom}`) +
      `；工作类居留许可的有效期不少于${minDays}日。`,
    en: ({ limitedBy, validTo, validFrom, days, minDays }) =>
      `${word(VALIDITY_LIMIT_SUBJECTS, limitedBy, 'en')} on ${validTo}` +
      (days > 0 ? `, leaving ${days} days from ${validFrom}` : `, before ${validFrom}`) +
      `; a work-type residence permit is valid for at least ${minDays} days.`,
    example: { limitedBy: 'passport', validTo: '2026-04-01', validFrom: '2026-03-02', days: 31, minDays: 90 },
  }),
  'residence_permit.extension_window.expired': phrase<{ validTo: string; days: number; min: number; max?: number }>({
    zh: ({ validTo, days, min, max }) => `居留许可已于${validTo}到期，申请时已过${days}日；${extensionWindow(min, max, 'zh')}。`,
    en: ({ validTo, days, min, max }) => `The residence permit expired on ${validTo}, ${days} days before filing; ${extensionWindow(min, max, 'en')}.`,
    example: { validTo: '2026-02-01', days: 29, min: 30, max: 90 },
  }),
  'residence_permit.extension_window.within': phrase<{ days: number; validTo: string; min: number; max?: number }>({
    zh: ({ days, validTo, min, max }) => `于居留许可${validTo}到期前${days}日申请；${extensionWindow(min, max, 'zh')}。`,
    en: ({ days, validTo, min, max }) => `Filed ${days} days before the residence permit expires on ${validTo}; ${extensionWindow(min, max, 'en')}.`,
    example: { days: 45, validTo: '2026-04-16', min: 30, max: 90 },
  }),
  'residence_permit.extension_window.outside': phrase<{ days: number; validTo: string; min: number; max?: number }>({
    zh: ({ days, validTo, min, max }) => `于居留许可${validTo}到期前${days}日申请，不在申请期限内：${extensionWindow(min, max, 'zh')}。`,
    en: ({ days, validTo, min, max }) => `Filed ${days} days before the residence permit expires on ${validTo}, outside the window: ${extensionWindow(min, max, 'en')}.`,
    example: { days: 10, validTo: '2026-03-12', min: 30, max: 90 },
  }),
  'residence_permit.change_window.after_filing': phrase<{ occurredOn: string; filedOn: string }>({
    zh: ({ occurredOn, filedOn }) => `变更日期${occurredOn}晚于申请日期${filedOn}；变更发生后方可申请。`,
    en: ({ occurredOn, filedOn }) => `The change date ${occurredOn} is after the filing date ${filedOn}; a change is filed once it has occurred.`,
    example: { occurredOn: '2026-03-05', filedOn: '2026-03-02' },
  }),
  'residence_permit.change_window.within': phrase<{ days: number; occurredOn: string; limit: number }>({
    zh: ({ days, occurredOn, limit }) => `于${occurredOn}发生变更后${days}日申请，在${limit}日期限内。`,
    en: ({ days, occurredOn, limit }) => `Filed ${days} days after the change on ${occurredOn}, within ${limit} days.`,
    example: { days: 3, occurredOn: '2026-02-27', limit: 10 },
  }),
  'residence_permit.change_window.late': phrase<{ days: number; occurredOn: string; limit: number }>({
    zh: ({ days, occurredOn, limit }) => `于${occurredOn}发生变更后${days}日申请；变更应在${limit}日内申请。`,
    en: ({ days, occurredOn, limit }) => `Filed ${days} days after the change on ${occurredOn}; a change is filed within ${limit} days.`,
    example: { days: 20, occurredOn: '2026-02-10', limit: 10 },
  }),

  // Facts the residence-permit rules cannot read (a value the portal should have refused): the rules stop and an officer reads why.
  // `field` names the value as the rules call it; `value` is what was received, as JSON.
  'residence_permit.invalid.date': phrase<{ field: string; value: string }>({
    zh: ({ field, value }) => `${field}须为真实日期，格式为YYYY-MM-DD，收到的是${value}`,
    en: ({ field, value }) => `${field} must be a real date written YYYY-MM-DD, got ${value}`,
    example: { field: 'applicant.passportExpiry', value: '"2030-02-30"' },
  }),
  'residence_permit.invalid.action': phrase<{ action: string }>({
    zh: ({ action }) => `居留许可只办理签发、变更和延期，不办理“${action}”`,
    en: ({ action }) => `A residence permit is issued, changed or extended, not "${action}"`,
    example: { action: 'apply' },
  }),
  'residence_permit.invalid.work_permit_not_granted': phrase<Record<string, never>>({
    zh: () => '外国人来华工作许可获批准或已持有后，方可审查居留许可',
    en: () => 'A residence permit is assessed only once the work permit is granted or held',
    example: {},
  }),
  'residence_permit.invalid.case_id': phrase<Record<string, never>>({
    zh: () => '生成居留许可证号须有案件编号',
    en: () => 'caseId is required for a residence permit number',
    example: {},
  }),
  'residence_permit.invalid.validity_reversed': phrase<{ validFrom: string; validTo: string }>({
    zh: ({ validFrom, validTo }) => `有效期截止日${validTo}早于起始日${validFrom}`,
    en: ({ validFrom, validTo }) => `validTo (${validTo}) is before validFrom (${validFrom})`,
    example: { validFrom: '2026-03-02', validTo: '2026-03-01' },
  }),
  'residence_permit.invalid.validity_no_fee': phrase<{ validFrom: string; validTo: string; minDays: number; maxMonths: number }>({
    zh: ({ validFrom, validTo, minDays, maxMonths }) => `有效期${validFrom}至${validTo}的居留许可不在${minDays}日至${maxMonths}个月之间，无法计费`,
    en: ({ validFrom, validTo, minDays, maxMonths }) => `A residence permit from ${validFrom} to ${validTo} is outside ${minDays} days to ${maxMonths} months; it has no fee`,
    example: { validFrom: '2026-03-02', validTo: '2026-05-29', minDays: 90, maxMonths: 60 },
  }),
  'residence_permit.catalogue_item_missing': phrase<{ version: string; item: string }>({
    zh: ({ version, item }) => `事项目录${version}版中没有${item}事项`,
    en: ({ version, item }) => `Catalogue ${version} has no ${item} item`,
    example: { version: '2026.1', item: 'RESIDENCE_PERMIT' },
  }),
};
