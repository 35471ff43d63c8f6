/**
 * The words the workflow adds to reasons, refusals and notices: a stable code with its text in
 * Chinese and English, ready to move into the message catalogue. Until the wire carries both
 * languages, `bilingual` writes one string with Chinese first.
 */
import type { Localized } from '@work-permit/catalogue';

export interface ReviewText extends Localized {
  code: string;
}

export function bilingual(text: Localized): string {
  return `${text.zh} / ${text.en}`;
}

const text = (code: string, zh: string, en: string): ReviewText => ({ code, zh, en });

export const ReviewTexts = {
  listedApplicant: () =>
    text(
      'listed_applicant',
      '申请人在异常信息管理列表上：会商研判同意后，仍由本部门工作人员逐项审批（严格审批）',
      'the applicant is on the abnormal-information list: after the joint review approved, an officer of this agency still decides each item (strict approval)',
    ),
  manualItem: () => text('manual_item', '该事项由工作人员决定（事项目录 manualByDefault 或 MANUAL_ITEMS）', 'decided by an officer (the catalogue’s manualByDefault or MANUAL_ITEMS)'),
  supplementRequested: (missing: readonly Localized[], expired: readonly Localized[]) =>
    text(
      'supplement_requested',
      [missing.length > 0 ? `请补正以下材料：${missing.map((m) => m.zh).join('；')}` : '', expired.length > 0 ? `请提交近期材料（所附材料已超过有效期）：${expired.map((m) => m.zh).join('；')}` : '']
        .filter(Boolean)
        .join('。'),
      [missing.length > 0 ? `please supply: ${missing.map((m) => m.en).join('; ')}` : '', expired.length > 0 ? `please supply a recent copy (the one on file is too old): ${expired.map((m) => m.en).join('; ')}` : '']
        .filter(Boolean)
        .join('. '),
    ),
  limitExtended: (amount: number, unit: Localized, until: string, reason: string) =>
    text('decision_limit_extended', `法定决定期限延长${amount}${unit.zh}，至${until}。理由：${reason}`, `The statutory decision limit is extended by ${amount} ${unit.en}, to ${until}. Reason: ${reason}`),
  escalated: (ranOutOn: string) =>
    text(
      'statutory_limit_escalated',
      `法定决定期限已于${ranOutOn}届满，尚未作出决定，已报牵头部门督办`,
      `The statutory decision limit ran out on ${ranOutOn} without a decision; escalated to the lead agency`,
    ),
  notExtendable: (item: Localized) => text('not_extendable', `${item.zh}没有可延长的法定决定期限`, `${item.en} has no statutory decision limit that can be extended`),
  alreadyExtended: (item: Localized, until: string) =>
    text('already_extended', `${item.zh}的决定期限已延长过一次（至${until}），不能再次延长`, `the decision limit of the ${item.en} was already extended once (to ${until}); it cannot be extended again`),
  limitPassed: (item: Localized, ranOutOn: string) =>
    text('limit_passed', `${item.zh}的法定决定期限已于${ranOutOn}届满，只能在期限届满前延长`, `the statutory limit of the ${item.en} ran out on ${ranOutOn}; it can be extended only before it runs out`),
  clockNotStarted: (item: Localized) =>
    text('clock_not_started', `${item.zh}尚在等待前置事项，办理期限尚未起算`, `the ${item.en} still waits for its prerequisites; its time limit has not started`),
  finalAlready: (item: Localized, status: string) => text('already_final', `${item.zh}已办结（${status}）`, `the ${item.en} is already ${status}`),
};

/** The unit of a time limit in words. */
export function unitText(unit: 'working_days' | 'calendar_days'): Localized {
  return unit === 'working_days' ? { zh: '个工作日', en: 'working days' } : { zh: '日', en: 'calendar days' };
}
