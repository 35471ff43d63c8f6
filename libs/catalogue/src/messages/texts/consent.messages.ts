/**
 * Consent to each reused fact (A11): why the form's consent to its pre-fill is refused, and the access
 * log's plain sentences — who read which of a person's facts, when and why, and the reuses they declined.
 */
import type { Localized } from '../../model/catalogue.model';
import { phrase, type Render } from '../phrase';

const none = {} as Record<string, never>;
const simple = (zh: string, en: string) => phrase<Record<string, never>>({ zh: () => zh, en: () => en, example: none });

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An instant on China's wall clock (UTC+8, no daylight saving time): year, month, day, `HH:mm`. */
function chinaClock(iso: string): { year: number; month: number; day: number; time: string } | undefined {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return undefined;
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), time: shifted.toISOString().slice(11, 16) };
}

/** `2026年3月2日 10:15` (China time). */
function zhMoment(iso: string): string {
  const clock = chinaClock(iso);
  return clock ? `${clock.year}年${clock.month}月${clock.day}日 ${clock.time}` : iso;
}

/** `On 2 March 2026 at 10:15 (China time)`. */
function enMoment(iso: string): string {
  const clock = chinaClock(iso);
  return clock ? `On ${clock.day} ${MONTHS[clock.month - 1]} ${clock.year} at ${clock.time} (China time)` : `On ${iso}`;
}

/** `A、B和C` / `A, B and C`. */
function listed(parts: readonly string[], lang: 'zh' | 'en'): string {
  if (parts.length <= 1) return parts.join('');
  const last = parts[parts.length - 1];
  const rest = parts.slice(0, -1).join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh' ? `${rest}和${last}` : `${rest} and ${last}`;
}

const each = (facts: readonly Localized[], t: Render) => facts.map((fact) => t(fact));
const CJK = /[\u3400-\u9fff]/;
const shortCase = (caseId: string) => caseId.slice(0, 8);

export const CONSENT_MESSAGES = {
  // The details of a refused consent (`prefillConsent` of a case body or draft), each naming one entry.
  'consent.field.not_in_form': phrase<{ path: string }>({
    zh: ({ path }) => `${path}不是所选事项表单中的字段`,
    en: ({ path }) => `${path} is not a field of the chosen items' form`,
    example: { path: 'applicant.favouriteColour' },
  }),
  'consent.field.accepted_and_declined': simple('不能既接受又拒绝复用同一项信息', 'cannot be both accepted and declined'),
  'consent.field.twice': simple('同一项信息只能列出一次', 'is listed more than once'),

  /**
   * One read of a person's record, as the access log explains it to them. `facts`: what was released,
   * each already in words with its possessive in English ("your passport number"); `purpose`: the
   * reader's stated purpose, as written.
   */
  'consent.access_log.read': phrase<{ at: string; agency: Localized; facts: readonly Localized[]; purpose: string }>({
    zh: ({ at, agency, facts, purpose }, t) => {
      const why = CJK.test(purpose) ? `为${purpose}` : `为“${purpose}”`;
      const what = facts.length > 0 ? `读取了您的${listed(each(facts, t), 'zh')}` : '查阅了您的记录，但未获得其中任何信息';
      return `${zhMoment(at)}，${t(agency)}${why}${what}。`;
    },
    en: ({ at, agency, facts, purpose }, t) => {
      const what = facts.length > 0 ? `read ${listed(each(facts, t), 'en')}` : 'opened your record but was shown none of it';
      return `${enMoment(at)}, the ${t(agency)} ${what}. The purpose they gave: “${purpose}”.`;
    },
    example: {
      at: '2026-03-02T02:15:00.000Z',
      agency: { zh: '威海市公安局出入境管理支队', en: 'Weihai Public Security Bureau, Exit-Entry Administration' },
      facts: [
        { zh: '护照号码', en: 'your passport number' },
        { zh: '国籍', en: 'your nationality' },
      ],
      purpose: '审批居留许可',
    },
  }),
  /** The facts a person declined to reuse when submitting one case (`portal.prefill.declined`), as the access log lists them. */
  'consent.access_log.declined': phrase<{ at: string; caseId: string; facts: readonly Localized[] }>({
    zh: ({ at, caseId, facts }, t) => `${zhMoment(at)}，您提交办件 ${shortCase(caseId)} 时拒绝了复用共享档案中您的${listed(each(facts, t), 'zh')}，并在申请表中重新填写。`,
    en: ({ at, caseId, facts }, t) => `${enMoment(at)}, when submitting case ${shortCase(caseId)}, you declined the reuse of ${listed(each(facts, t), 'en')} from the shared record and entered it again in the form.`,
    example: { at: '2026-03-05T06:20:00.000Z', caseId: '1a2b3c4d-0000-4000-8000-000000000000', facts: [{ zh: '电话号码', en: 'your phone number' }] },
  }),
  /** The words for one fact of the record that is not a form field: a document, an item's outcome. */
  'consent.fact.material': phrase<{ name: Localized }>({
    zh: ({ name }, t) => `“${t(name)}”材料`,
    en: ({ name }, t) => `your document “${t(name)}”`,
    example: { name: { zh: '护照（信息页）', en: 'Passport (data page)' } },
  }),
  'consent.fact.permit': phrase<{ name: Localized }>({
    zh: ({ name }, t) => `“${t(name)}”的办理结果`,
    en: ({ name }, t) => `the outcome of your “${t(name)}”`,
    example: { name: { zh: '外国人来华工作许可', en: 'Work permit for foreigners working in China' } },
  }),
  'consent.fact.field': phrase<{ label: Localized }>({
    zh: ({ label }, t) => t(label),
    en: ({ label }, t) => `your ${lowerFirst(t(label))}`,
    example: { label: { zh: '电话号码', en: 'Phone number' } },
  }),
};

/** `Phone number` → `phone number` mid-sentence; an acronym (`HSK level`, `USCC`) is left as it is. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? `${text[0].toLowerCase()}${text.slice(1)}` : text;
}
