import { create } from '@bufbuild/protobuf';
import { asWritten, getCatalogue, localize, message, officerReason } from '@work-permit/catalogue';
import { Decision, ItemDecidedSchema, ItemProgressedSchema, ItemStatus } from '@work-permit/contracts';
import { changeForDecision, changeForProgress } from '../cases/follow-agencies/agency-progress';
import { noticeFor } from './notice';
import { composeMessage as composeMessages } from './notification-texts';

const catalogue = getCatalogue();
/** The notification in both languages, as its reader sees it in either. */
const composeMessage = (...args: Parameters<typeof composeMessages>) => {
  const { title, body } = composeMessages(...args);
  return { title: localize(title), body: localize(body) };
};
const workPermit = { code: 'WORK_PERMIT', action: 'issue' };
const decided = (decision: Decision, extra = {}) => create(ItemDecidedSchema, { caseId: 'c', itemCode: 'WORK_PERMIT', decision, ...extra });
const progressed = (status: ItemStatus, extra = {}) => create(ItemProgressedSchema, { caseId: 'c', itemCode: 'WORK_PERMIT', status, ...extra });

describe(noticeFor.name, () => {
  it('tells of a grant with its result and of a rejection with its reason', () => {
    const granted = changeForDecision('in_review', decided(Decision.GRANTED, { result: { permitNo: 'WP-1', validTo: '2028-02-28' } }));
    expect(noticeFor(granted, workPermit)).toEqual({ kind: 'granted', item: workPermit, result: { permitNo: 'WP-1', validTo: '2028-02-28' } });
    const rejected = changeForDecision('in_review', decided(Decision.REJECTED, { reason: '年龄超过60周岁 / age over 60' }));
    expect(noticeFor(rejected, workPermit)).toEqual({ kind: 'rejected', item: workPermit, reason: asWritten('年龄超过60周岁 / age over 60') });
  });

  it('carries the agency’s structured reason when the event has one', () => {
    const reason = message('review.withdrawn_by', { by: 'employer' });
    const rejected = changeForDecision('in_review', decided(Decision.REJECTED, { reason: '由用人单位撤回 / withdrawn by the employer', reasonMessage: { code: reason.code, paramsJson: JSON.stringify(reason.params) } }));
    expect(noticeFor(rejected, workPermit)).toEqual({ kind: 'rejected', item: workPermit, reason });
  });

  it('tells of a supplement request, a termination and a withdrawal', () => {
    expect(noticeFor(changeForProgress('in_review', progressed(ItemStatus.AWAITING_SUPPLEMENT, { requestedMaterials: ['PASSPORT'] })), workPermit)).toMatchObject({
      kind: 'supplement_requested',
      materials: ['PASSPORT'],
    });
    expect(noticeFor(changeForProgress('pending', progressed(ItemStatus.TERMINATED, { reason: 'work permit rejected' })), workPermit)).toMatchObject({ kind: 'terminated' });
    expect(noticeFor(changeForProgress('in_review', progressed(ItemStatus.WITHDRAWN)), workPermit)).toMatchObject({ kind: 'withdrawn' });
  });

  it('tells nothing of review progress, an overdue notice, or an event on an item already final', () => {
    expect(noticeFor(changeForProgress('pending', progressed(ItemStatus.IN_REVIEW)), workPermit)).toBeNull();
    expect(noticeFor(changeForProgress('in_review', progressed(ItemStatus.IN_REVIEW, { overdue: true })), workPermit)).toBeNull();
    expect(noticeFor(changeForDecision('withdrawn', decided(Decision.GRANTED)), workPermit)).toBeNull();
    expect(noticeFor(changeForProgress('awaiting_supplement', progressed(ItemStatus.AWAITING_SUPPLEMENT)), workPermit)).toBeNull();
  });
});

describe(composeMessage.name, () => {
  it('names the item and every result field of a granted work permit, in both languages', () => {
    const message = composeMessage(
      { kind: 'granted', item: workPermit, result: { permitNo: 'WP-1', validFrom: '2026-03-01', validTo: '2028-02-28', category: 'A', points: 92 } },
      catalogue,
    );
    expect(message.title).toEqual({ zh: '已获批准：外国人来华工作许可（签发）', en: expect.stringMatching(/^Granted: Work permit .*\(issue\)$/) });
    expect(message.body.en).toBe(`Your application for ${message.title.en.slice('Granted: '.length)} has been granted. Permit no. WP-1, valid from 2026-03-01 to 2028-02-28, talent category A, 92 points.`);
    expect(message.body.zh).toContain('已获批准。证件号码 WP-1，有效期 2026-03-01 至 2028-02-28，人才类别 A 类，积分 92 分。');
  });

  it('gives a residence permit its fee and a social insurance registration its number', () => {
    const residence = composeMessage({ kind: 'granted', item: { code: 'RESIDENCE_PERMIT', action: 'issue' }, result: { permitNo: 'RP-1', validTo: '2028-02-28', feeCny: 400 } }, catalogue);
    expect(residence.body.en).toContain('Permit no. RP-1, valid until 2028-02-28, fee CNY 400.');
    expect(residence.body.zh).toContain('费用 400 元');
    const insurance = composeMessage({ kind: 'granted', item: { code: 'SOCIAL_INSURANCE', action: 'apply' }, result: { socialSecurityNo: 'SS-9' } }, catalogue);
    expect(insurance.body.en).toMatch(/has been granted\. Social security no\. SS-9\.$/);
    expect(insurance.title.en).not.toContain('(apply)');
  });

  it('gives the reason of a rejection, a termination and a withdrawal', () => {
    const rejected = composeMessage({ kind: 'rejected', item: workPermit, reason: officerReason('age over 60') }, catalogue);
    expect(rejected.title.en).toMatch(/^Not granted: /);
    expect(rejected.body.en).toMatch(/has not been granted\. Reason: age over 60\.$/);
    expect(rejected.body.zh).toMatch(/未予批准。理由：age over 60。$/);

    const byTheRules = composeMessage({ kind: 'rejected', item: workPermit, reason: message('review.withdrawn_by', { by: 'applicant' }) }, catalogue);
    expect(byTheRules.body.zh).toMatch(/未予批准。理由：由申请人撤回。$/);
    expect(byTheRules.body.en).toMatch(/Reason: withdrawn by the applicant\.$/);

    const terminated = composeMessage({ kind: 'terminated', item: { code: 'RESIDENCE_PERMIT', action: 'issue' }, reason: asWritten('work permit rejected') }, catalogue);
    expect(terminated.title).toEqual({ zh: expect.stringMatching(/^已终止：/), en: expect.stringMatching(/^Ended: /) });
    expect(terminated.body.en).toContain('an item it depends on was not granted. Reason: work permit rejected.');
    expect(terminated.body.zh).toContain('因前置事项未获批准已终止');

    const withdrawn = composeMessage({ kind: 'withdrawn', item: workPermit, reason: null }, catalogue);
    expect(withdrawn.title).toEqual({ zh: expect.stringMatching(/^已撤回：/), en: expect.stringMatching(/^Withdrawn: /) });
    expect(withdrawn.body.en).toMatch(/has been withdrawn\.$/);
  });

  it('lists the requested materials by name in each language', () => {
    const message = composeMessage({ kind: 'supplement_requested', item: workPermit, materials: ['PASSPORT', 'PHOTO', 'NOT_IN_CATALOGUE'], reason: officerReason('passport copy unreadable') }, catalogue);
    expect(message.title.en).toMatch(/^Materials needed: /);
    expect(message.body.en).toContain('asks for more materials: Passport (data page); Recent passport photo; NOT_IN_CATALOGUE. Reason: passport copy unreadable.');
    expect(message.body.zh).toContain('要求补充材料：护照（信息页）；近期正面免冠照片；NOT_IN_CATALOGUE。理由：passport copy unreadable。');
  });

  it('reminds of an expiring permit with its number, date and the extension window', () => {
    const message = composeMessage({ kind: 'permit_expiring', item: { code: 'WORK_PERMIT', action: '' }, permitNo: 'WP-1', validTo: '2028-02-28', daysLeft: 90 }, catalogue);
    expect(message.title.en).toMatch(/^Work permit .* expires on 2028-02-28$/);
    expect(message.title.en).not.toContain('(');
    expect(message.body.en).toMatch(/\(no\. WP-1\) expires on 2028-02-28, in 90 days\. Please apply for its extension in time: it can be filed from \d+ to \d+ days before it expires\.$/);
    expect(message.body.zh).toMatch(/（证件号码 WP-1）将于2028-02-28到期，还有90天。请及时申请延期，延期申请可在到期前\d+日至\d+日之间提交。$/);
  });

  it('gives only the latest day for a residence permit extension, which the law opens any time before', () => {
    const message = composeMessage({ kind: 'permit_expiring', item: { code: 'RESIDENCE_PERMIT', action: '' }, permitNo: 'RP-1', validTo: '2028-02-28', daysLeft: 90 }, catalogue);
    expect(message.body.en).toMatch(/it must be filed at least 30 days before it expires\.$/);
    expect(message.body.zh).toMatch(/延期申请应至迟在到期前30日提交。$/);
  });
});

describe('composeMessage of a cancelled permit', () => {
  it('says in both languages that the work permit was cancelled on the employer’s report', () => {
    const message = composeMessage(
      { kind: 'permit_cancelled', item: workPermit, permitNo: 'WP-1', cancelledOn: '2026-12-06', ground: 'contract_ended', contractEndedOn: '2026-11-30' },
      catalogue,
    );
    expect(message.title.zh).toMatch(/^已注销：/);
    expect(message.body.zh).toContain('（证件号码 WP-1）已于2026-12-06注销');
    expect(message.body.zh).toContain('用人单位报告劳动合同已于2026-11-30终止');
    expect(message.body.en).toBe(`Your ${message.title.en.replace('Cancelled: ', '')} (no. WP-1) was cancelled on 2026-12-06 and is no longer valid. The employer reported that the employment contract ended on 2026-11-30.`);
  });

  it('names the joint review when the listed holder’s case was rejected', () => {
    const message = composeMessage({ kind: 'permit_cancelled', item: workPermit, permitNo: null, cancelledOn: '2026-12-06', ground: 'joint_review_rejected', contractEndedOn: null }, catalogue);
    expect(message.body.zh).toContain('联合研判未予通过');
    expect(message.body.en).toContain('The joint review of the agencies did not approve it.');
  });
});
