/** Reasons the lifecycle around the review gives: the list screening and joint review referrals, cancellation (注销). */
import { itemName } from '../names';
import { type Message, type MessageParam, phrase } from '../phrase';

const officer = (text: string): Message => ({ code: 'officer.reason', params: { text } });

export const LIFECYCLE_MESSAGES = {
  'screening.possible_match': phrase<Record<string, never>>({
    zh: () => '与异常信息名单可能匹配，正在人工核查。',
    en: () => 'A possible match with the abnormal-information list is being checked',
    example: {},
  }),
  /** `reasons`: the list entries' reasons, or the officer's who confirmed a possible match, as written. */
  'screening.listed': phrase<{ reasons: readonly MessageParam[] }>({
    zh: ({ reasons }, t) => `申请人在异常信息名单上（${reasons.map(t).join('；')}），由各部门联合研判。`,
    en: ({ reasons }, t) => `The applicant is on the abnormal-information list (${reasons.map(t).join('; ')}); the agencies review the case jointly`,
    example: { reasons: [officer('签证欺诈')] },
  }),
  'screening.late_listed_case': phrase<{ reason: MessageParam }>({
    zh: ({ reason }, t) => `申请人在案件受理后被列入异常信息名单（${t(reason)}），由各部门联合研判。`,
    en: ({ reason }, t) => `The applicant was put on the abnormal-information list after the case was filed (${t(reason)}); the agencies review the case jointly.`,
    example: { reason: officer('签证欺诈') },
  }),
  'screening.late_listed_holder': phrase<{ reason: MessageParam }>({
    zh: ({ reason }, t) => `持证人在获得许可后被列入异常信息名单（${t(reason)}），由各部门对其许可联合研判。`,
    en: ({ reason }, t) => `The permit holder was put on the abnormal-information list after the grant (${t(reason)}); the agencies review the holder's case jointly.`,
    example: { reason: officer('签证欺诈') },
  }),

  /** The employer reported the end of the contract: the work permit is cancelled (`reportedReason`: the reporter's words). */
  'cancellation.contract_ended': phrase<{ endedOn: string; reportedReason?: MessageParam; late: boolean; windowDays: number }>({
    zh: ({ endedOn, reportedReason, late, windowDays }, t) =>
      `用人单位报告劳动合同已于${endedOn}终止${reportedReason ? `（${t(reportedReason)}）` : ''}，${itemName('WORK_PERMIT', 'zh')}予以注销。` +
      (late ? `用人单位未在劳动合同终止之日起${windowDays}日内报告，已逾期。` : ''),
    en: ({ endedOn, reportedReason, late, windowDays }, t) =>
      `The employer reported that the employment contract ended on ${endedOn}${reportedReason ? ` (${t(reportedReason)})` : ''}; the work permit is cancelled.` +
      (late ? ` The report came later than ${windowDays} days after the end of the contract.` : ''),
    example: { endedOn: '2026-06-30', reportedReason: officer('合同到期'), late: true, windowDays: 10 },
  }),
  'cancellation.joint_review_rejected': phrase<{ reason?: MessageParam }>({
    zh: ({ reason }, t) => `联合研判未予通过${reason ? `：${t(reason)}` : ''}，${itemName('WORK_PERMIT', 'zh')}予以注销。`,
    en: ({ reason }, t) => `The joint review rejected the case${reason ? `: ${t(reason)}` : ''}; the work permit is cancelled.`,
    example: { reason: officer('护照入境章可疑') },
  }),
};
