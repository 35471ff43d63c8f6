import { create } from '@bufbuild/protobuf';
import { Decision, Events, type IncomingEvent, ItemDecidedSchema, type ItemDecided, ItemProgressedSchema, type ItemProgressed, ItemStatus } from '@work-permit/contracts';
import { isJointReviewReferral, observedRelevance, outcomesKeptBy } from './observed-relevance';

const event = (type: string, payload: ItemDecided | ItemProgressed) => ({ type, payload }) as IncomingEvent<ItemDecided | ItemProgressed>;
const progressed = (itemCode: string, status: ItemStatus, type: string = Events.PsbItemProgressed.type) => event(type, create(ItemProgressedSchema, { itemCode, status }));
const decided = (itemCode: string, decision: Decision, type: string = Events.ApprovalItemDecided.type) => event(type, create(ItemDecidedSchema, { itemCode, decision }));

describe(outcomesKeptBy.name, () => {
  it("keeps each agency's own items', their steps' and their prerequisites' outcomes (catalogue 2026.1)", () => {
    expect([...outcomesKeptBy('approval')].sort()).toEqual(['ABNORMAL_LIST_SCREENING', 'TALENT_CATEGORY', 'WORK_PERMIT']);
    expect([...outcomesKeptBy('scitech')]).toEqual(['TALENT_CATEGORY']);
    expect([...outcomesKeptBy('psb')].sort()).toEqual(['RESIDENCE_PERMIT', 'WORK_PERMIT']);
    expect([...outcomesKeptBy('hrss')].sort()).toEqual(['E_SOCIAL_SECURITY_CARD', 'PROFESSIONAL_TITLE', 'SOCIAL_INSURANCE', 'WORK_PERMIT']);
  });
});

describe(observedRelevance.name, () => {
  const psb = observedRelevance({ agency: 'psb' });
  const approval = observedRelevance({ agency: 'approval', leadsJointReview: true });
  const scitech = observedRelevance({ agency: 'scitech' });

  it('takes every outcome of an item the agency waits on', () => {
    expect(psb(decided('WORK_PERMIT', Decision.GRANTED))).toBe(true);
    expect(psb(decided('WORK_PERMIT', Decision.REJECTED))).toBe(true);
    expect(psb(progressed('WORK_PERMIT', ItemStatus.TERMINATED, Events.ApprovalItemProgressed.type))).toBe(true);
    expect(psb(progressed('WORK_PERMIT', ItemStatus.WITHDRAWN, Events.ApprovalItemProgressed.type))).toBe(true);
    expect(approval(decided('TALENT_CATEGORY', Decision.GRANTED, Events.ScitechItemDecided.type))).toBe(true);
    expect(approval(decided('ABNORMAL_LIST_SCREENING', Decision.REJECTED, Events.SharingItemDecided.type))).toBe(true);
  });

  it('leaves out the outcomes of items none of its items waits on and its scope does not release', () => {
    expect(psb(decided('SOCIAL_INSURANCE', Decision.GRANTED, Events.HrssItemDecided.type))).toBe(false);
    expect(psb(decided('TALENT_CATEGORY', Decision.GRANTED, Events.ScitechItemDecided.type))).toBe(false);
    expect(approval(decided('RESIDENCE_PERMIT', Decision.REJECTED, Events.PsbItemDecided.type))).toBe(false);
    for (const code of ['WORK_PERMIT', 'RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'ABNORMAL_LIST_SCREENING']) expect(scitech(decided(code, Decision.REJECTED))).toBe(false);
  });

  it('leaves out progress that changes nothing here', () => {
    for (const status of [ItemStatus.PENDING, ItemStatus.IN_REVIEW, ItemStatus.AWAITING_SUPPLEMENT, ItemStatus.JOINT_REVIEW]) {
      expect(psb(progressed('WORK_PERMIT', status, Events.ApprovalItemProgressed.type))).toBe(false);
    }
  });

  it("takes data-sharing's referral of a listed applicant to a joint review at the lead only", () => {
    const referral = progressed('ABNORMAL_LIST_SCREENING', ItemStatus.JOINT_REVIEW, Events.SharingItemProgressed.type);
    expect(isJointReviewReferral(referral)).toBe(true);
    expect(approval(referral)).toBe(true);
    expect(psb(referral)).toBe(false);
    expect(isJointReviewReferral(progressed('ABNORMAL_LIST_SCREENING', ItemStatus.IN_REVIEW, Events.SharingItemProgressed.type))).toBe(false);
  });
});
