/** Human resources and social security's findings (hr-social-security): insurance, title evaluation, the e-card, and the input its rules cannot judge. */
import { L } from '../../data/localized';
import { SOCIAL_INSURANCE_NAMES } from '../../data/social-insurances';
import type { Lang, Localized } from '../../model/catalogue.model';
import { getCatalogue } from '../../registry/catalogue.registry';
import { fieldLabel, itemName, materialName } from '../names';
import { phrase, word } from '../phrase';
import { STATUS_WORDS } from '../words';

const insurances = (kinds: readonly string[], lang: Lang) => kinds.map((kind) => word(SOCIAL_INSURANCE_NAMES, kind, lang)).join(lang === 'zh' ? '、' : ', ');

/** A nationality (ISO 3166-1 alpha-3) by the name the form's nationality list gives it; an unknown code as it is. */
function country(code: string, lang: Lang): string {
  const nationality = getCatalogue().fields.find((field) => field.path === 'applicant.nationality');
  return nationality?.options?.find((option) => option.value === code)?.label[lang] ?? code;
}

/** The values the rules read besides the form's fields (which go by their label). */
const INPUT_NAMES: Readonly<Record<string, Localized>> = {
  applicantId: L('申请人编号', 'applicant id'),
  socialSecurityNo: L('社会保障号码', 'social security number'),
  'workPermit.permitNo': L('工作许可证号', 'work permit number'),
  'workPermit.validFrom': L('工作许可有效期起始日', 'start of the work permit'),
  'workPermit.validTo': L('工作许可有效期截止日', 'end of the work permit'),
};

const inputName = (path: string, lang: Lang) => (Object.hasOwn(INPUT_NAMES, path) ? INPUT_NAMES[path][lang] : fieldLabel(path, lang));

export const SOCIAL_SECURITY_MESSAGES = {
  'social_security.work_permit.in_force': phrase<{ permitNo: string; validTo: string }>({
    zh: ({ permitNo, validTo }) => `工作许可${permitNo}有效期至${validTo}。`,
    en: ({ permitNo, validTo }) => `Work permit ${permitNo} is valid until ${validTo}.`,
    example: { permitNo: 'WP20260123456789', validTo: '2028-02-29' },
  }),
  'social_security.work_permit.expired': phrase<{ permitNo: string; validTo: string }>({
    zh: ({ permitNo, validTo }) => `工作许可${permitNo}已于${validTo}到期；本局仅为持有效工作许可的外国人办理。`,
    en: ({ permitNo, validTo }) => `Work permit ${permitNo} expired on ${validTo}; the bureau acts only for a foreigner with a work permit in force.`,
    example: { permitNo: 'WP20240123456789', validTo: '2026-01-31' },
  }),
  'social_security.coverage.all': phrase<{ covered: readonly string[] }>({
    zh: ({ covered }) => `参加全部险种：${insurances(covered, 'zh')}。`,
    en: ({ covered }) => `Joins every insurance: ${insurances(covered, 'en')}.`,
    example: { covered: ['pension', 'medical', 'work_injury', 'unemployment', 'maternity'] },
  }),
  'social_security.coverage.exempt': phrase<{ covered: readonly string[]; exempt: readonly string[]; nationality: string }>({
    zh: ({ covered, exempt, nationality }) => `参加${insurances(covered, 'zh')}；按与${country(nationality, 'zh')}的社会保障协定免除${insurances(exempt, 'zh')}。`,
    en: ({ covered, exempt, nationality }) =>
      `Joins ${insurances(covered, 'en')}; exempt from ${insurances(exempt, 'en')} under the social security agreement with ${country(nationality, 'en')}.`,
    example: { covered: ['medical', 'work_injury', 'maternity'], exempt: ['pension', 'unemployment'], nationality: 'DEU' },
  }),
  'social_security.certificate.on_file': phrase<{ nationality: string }>({
    zh: ({ nationality }) => `已提交与${country(nationality, 'zh')}社会保障协定的参保证明。`,
    en: ({ nationality }) => `The certificate of coverage under the agreement with ${country(nationality, 'en')} is on file.`,
    example: { nationality: 'DEU' },
  }),
  'social_security.certificate.missing': phrase<{ nationality: string; exempt: readonly string[] }>({
    zh: ({ nationality, exempt }) => `与${country(nationality, 'zh')}的协定仅凭参保证明免除${insurances(exempt, 'zh')}，未提交该证明；提交前参加全部险种。`,
    en: ({ nationality, exempt }) =>
      `The agreement with ${country(nationality, 'en')} exempts ${insurances(exempt, 'en')} only on a certificate of coverage, which is not on file; without it the employee joins every insurance.`,
    example: { nationality: 'DEU', exempt: ['pension', 'unemployment'] },
  }),
  'social_security.number.assigned': phrase<{ number: string }>({
    zh: ({ number }) => `分配社会保障号码${number}，此后始终属于本人。`,
    en: ({ number }) => `Assigns the social security number ${number}, the person's from now on.`,
    example: { number: 'DEU-371000-7C1E09A4B25D3F86' },
  }),
  'social_security.number.kept': phrase<{ number: string }>({
    zh: ({ number }) => `沿用本人已有的社会保障号码${number}。`,
    en: ({ number }) => `Keeps the person's social security number ${number}, assigned before.`,
    example: { number: 'DEU-371000-7C1E09A4B25D3F86' },
  }),
  'social_security.number.declared': phrase<{ number: string }>({
    zh: ({ number }) => `申请表填报的社会保障号码${number}并非本平台为本人分配的号码，须经工作人员在全国社会保险信息系统中核实。`,
    en: ({ number }) => `The social security number ${number} the form gives is not one this platform assigned the person; an officer confirms it against the national register.`,
    example: { number: 'DEU-370200-0000000000000001' },
  }),
  'social_security.deadline.unknown_start': phrase<{ days: number; permitNo: string }>({
    zh: ({ days, permitNo }) => `应自工作许可${permitNo}起始之日起${days}日内办理登记，申请表未填写其起始日期。`,
    en: ({ days, permitNo }) => `Registration is due within ${days} days of the start of work permit ${permitNo}, which the form does not give.`,
    example: { days: 30, permitNo: '137100202600012' },
  }),
  'social_security.deadline.due': phrase<{ deadline: string; days: number; permitNo: string; validFrom: string }>({
    zh: ({ deadline, days, permitNo, validFrom }) => `应于${deadline}前办理登记，即自工作许可${permitNo}起始日${validFrom}起${days}日内。`,
    en: ({ deadline, days, permitNo, validFrom }) => `Registration is due by ${deadline}, ${days} days from the start of work permit ${permitNo} on ${validFrom}.`,
    example: { deadline: '2026-04-01', days: 30, permitNo: '137100202600345', validFrom: '2026-03-02' },
  }),
  'social_security.title_material.present': phrase<{ material: string }>({
    zh: ({ material }) => `${materialName(material, 'zh')}：已提交。`,
    en: ({ material }) => `${materialName(material, 'en')}: on file.`,
    example: { material: 'HIGHEST_DEGREE' },
  }),
  'social_security.title_material.shared': phrase<{ material: string }>({
    zh: ({ material }) => `${materialName(material, 'zh')}：通过数据共享取自工作许可。`,
    en: ({ material }) => `${materialName(material, 'en')}: taken from the work permit by data sharing.`,
    example: { material: 'WORK_PERMIT_PROOF' },
  }),
  'social_security.title_material.missing': phrase<{ material: string }>({
    zh: ({ material }) => `${materialName(material, 'zh')}：缺少；评审委员会需要该材料。`,
    en: ({ material }) => `${materialName(material, 'en')}: missing; the evaluation committee needs it.`,
    example: { material: 'ACHIEVEMENT_EVIDENCE' },
  }),
  'social_security.title.committee': phrase<Record<string, never>>({
    zh: () => '职称评审由专家评审委员会决定。',
    en: () => 'Professional title evaluation is decided by an expert evaluation committee.',
    example: {},
  }),
  'social_security.card.with_permit': phrase<{ permitNo: string }>({
    zh: ({ permitNo }) => `以持卡人姓名和工作许可证号${permitNo}注册。`,
    en: ({ permitNo }) => `Registered with the holder's name and work permit number ${permitNo}.`,
    example: { permitNo: '137100202600345' },
  }),
  'social_security.card.with_number': phrase<{ number: string; permitNo: string }>({
    zh: ({ number, permitNo }) => `以持卡人姓名和社会保障号码${number}注册；卡内载有工作许可${permitNo}。`,
    en: ({ number, permitNo }) => `Registered with the holder's name and social security number ${number}; carries work permit ${permitNo}.`,
    example: { number: 'DEU-371000-7C1E09A4B25D3F86', permitNo: '137100202600345' },
  }),

  // Input the bureau's rules cannot judge (a value the portal should have refused): the item goes to an officer.
  'social_security.input.not_a_date': phrase<{ field: string; value?: string }>({
    zh: ({ field, value }) => `${inputName(field, 'zh')}须为真实日期（格式YYYY-MM-DD），${value === undefined ? '未填写' : `收到${value}`}`,
    en: ({ field, value }) => `${inputName(field, 'en')} must be a real date written YYYY-MM-DD, got ${value ?? 'nothing'}`,
    example: { field: 'workPermit.validTo', value: '"2027-02-30"' },
  }),
  'social_security.input.nationality': phrase<{ value?: string }>({
    zh: ({ value }) => `国籍须为ISO 3166-1三字母代码（如DEU），${value === undefined ? '未填写' : `收到${value}`}`,
    en: ({ value }) => `nationality must be an ISO 3166-1 alpha-3 code such as DEU, got ${value ?? 'nothing'}`,
    example: { value: '"de"' },
  }),
  'social_security.input.required': phrase<{ field: string }>({
    zh: ({ field }) => `${inputName(field, 'zh')}为必填项`,
    en: ({ field }) => `${inputName(field, 'en')} is required`,
    example: { field: 'title.series' },
  }),
  'social_security.input.permit_ends_before_start': phrase<{ validFrom: string; validTo: string }>({
    zh: ({ validFrom, validTo }) => `工作许可有效期截止日（${validTo}）早于起始日（${validFrom}）`,
    en: ({ validFrom, validTo }) => `the work permit ends (${validTo}) before it starts (${validFrom})`,
    example: { validFrom: '2026-03-02', validTo: '2026-03-01' },
  }),
  'social_security.input.prerequisite_not_granted': phrase<{ item: string; status?: string }>({
    zh: ({ item, status }) => `前置事项${itemName(item, 'zh')}未获批准（${status === undefined ? '尚无结果' : word(STATUS_WORDS, status, 'zh')}）`,
    en: ({ item, status }) => `the prerequisite ${itemName(item, 'en')} is not granted (${status === undefined ? 'no outcome yet' : word(STATUS_WORDS, status, 'en')})`,
    example: { item: 'WORK_PERMIT', status: 'rejected' },
  }),
  'social_security.input.title_action_missing': phrase<{ version: string; item: string }>({
    zh: ({ version, item }) => `事项目录${version}中没有${itemName(item, 'zh')}的申请办理项`,
    en: ({ version, item }) => `catalogue ${version} has no application action for ${itemName(item, 'en')}`,
    example: { version: '2026-1', item: 'PROFESSIONAL_TITLE' },
  }),
};
