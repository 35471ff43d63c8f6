import { create } from '@bufbuild/protobuf';
import { asWritten, message, toWire } from '@work-permit/catalogue';
import { Decision, ItemDecidedSchema, ItemProgressedSchema, ItemStatus } from '@work-permit/contracts';
import { changeForDecision, changeForProgress, concernsCaseItem } from './agency-progress';

const decided = (decision: Decision, extra = {}) => create(ItemDecidedSchema, { caseId: 'c', itemCode: 'WORK_PERMIT', decision, ...extra });
const progressed = (status: ItemStatus, extra = {}) => create(ItemProgressedSchema, { caseId: 'c', itemCode: 'RESIDENCE_PERMIT', status, ...extra });

describe(changeForDecision.name, () => {
  it('grants the item with only the result fields it produced', () => {
    const change = changeForDecision('in_review', decided(Decision.GRANTED, { result: { permitNo: 'WP-1', category: 'A', points: 92 } }));
    expect(change).toMatchObject({ status: 'granted', result: { permitNo: 'WP-1', category: 'A', points: 92 }, timeline: ['decided'] });
    expect(change.result).not.toHaveProperty('feeCny');
  });

  it('rejects with the reason, as the agency’s message when the event carries one', () => {
    const finding = message('review.withdrawn_by', { by: 'applicant' });
    expect(changeForDecision('in_review', decided(Decision.REJECTED, { reason: '由申请人撤回 / withdrawn by the applicant', reasonMessage: toWire(finding) }))).toMatchObject({
      status: 'rejected',
      reason: '由申请人撤回 / withdrawn by the applicant',
      reasonMessage: finding,
    });
  });

  it('keeps the plain reason as written from an event without a message, or with one this build does not know', () => {
    expect(changeForDecision('in_review', decided(Decision.REJECTED, { reason: 'age over 60' }))).toMatchObject({ reason: 'age over 60', reasonMessage: asWritten('age over 60') });
    expect(changeForDecision('in_review', decided(Decision.REJECTED, { reason: '旧理由', reasonMessage: { code: 'future.code', paramsJson: '{}' } })).reasonMessage).toEqual(asWritten('旧理由'));
    expect(changeForDecision('in_review', decided(Decision.GRANTED)).reasonMessage).toBeNull();
  });

  it('leaves a withdrawn item withdrawn', () => {
    expect(changeForDecision('withdrawn', decided(Decision.GRANTED))).toEqual({ timeline: [] });
  });
});

describe(changeForProgress.name, () => {
  it('records a supplement request with every material asked for', () => {
    const change = changeForProgress('in_review', progressed(ItemStatus.AWAITING_SUPPLEMENT, { requestedMaterials: ['HEALTH_CERTIFICATE', 'PHOTO'], reason: 'expired' }));
    expect(change).toMatchObject({ status: 'awaiting_supplement', requestedMaterials: ['HEALTH_CERTIFICATE', 'PHOTO'], timeline: ['supplement_requested'] });
  });

  it('marks an overdue item on the timeline without changing its status', () => {
    expect(changeForProgress('in_review', progressed(ItemStatus.IN_REVIEW, { overdue: true, dueDate: '2026-03-02' }))).toMatchObject({
      status: 'in_review',
      dueDate: '2026-03-02',
      timeline: ['overdue'],
    });
  });

  it('never moves a granted item back into review', () => {
    expect(changeForProgress('granted', progressed(ItemStatus.IN_REVIEW))).toEqual({ timeline: [] });
  });

  it('terminates a dependant with the reason', () => {
    const reason = message('review.terminated', { item: 'WORK_PERMIT', status: 'rejected' });
    expect(changeForProgress('pending', progressed(ItemStatus.TERMINATED, { reason: 'work permit rejected', reasonMessage: toWire(reason) }))).toMatchObject({
      status: 'terminated',
      reason: 'work permit rejected',
      reasonMessage: reason,
      timeline: ['terminated'],
    });
  });
});

describe(concernsCaseItem.name, () => {
  it("takes the applicant's items and leaves out the steps inside them", () => {
    expect(concernsCaseItem({ payload: { itemCode: 'WORK_PERMIT' } })).toBe(true);
    expect(concernsCaseItem({ payload: { itemCode: 'E_SOCIAL_SECURITY_CARD' } })).toBe(true);
    expect(concernsCaseItem({ payload: { itemCode: 'TALENT_CATEGORY' } })).toBe(false);
    expect(concernsCaseItem({ payload: { itemCode: 'ABNORMAL_LIST_SCREENING' } })).toBe(false);
  });
});
