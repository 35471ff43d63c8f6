import { create } from '@bufbuild/protobuf';
import { Decision, Events, type IncomingEvent, ItemDecidedSchema, type ItemDecided, ItemProgressedSchema, type ItemProgressed, ItemStatus } from '@work-permit/contracts';
import { isJointReviewReferral, mayChangeReview } from './observed-relevance';

const event = (type: string, payload: ItemDecided | ItemProgressed) => ({ type, payload }) as IncomingEvent<ItemDecided | ItemProgressed>;
const progressed = (itemCode: string, status: ItemStatus, type: string = Events.PsbItemProgressed.type) => event(type, create(ItemProgressedSchema, { itemCode, status }));
const decided = (itemCode: string, decision: Decision) => event(Events.ApprovalItemDecided.type, create(ItemDecidedSchema, { itemCode, decision }));

describe(mayChangeReview.name, () => {
  it('takes every outcome another item may wait on', () => {
    expect(mayChangeReview(decided('WORK_PERMIT', Decision.GRANTED))).toBe(true);
    expect(mayChangeReview(decided('WORK_PERMIT', Decision.REJECTED))).toBe(true);
    expect(mayChangeReview(progressed('RESIDENCE_PERMIT', ItemStatus.TERMINATED))).toBe(true);
    expect(mayChangeReview(progressed('RESIDENCE_PERMIT', ItemStatus.WITHDRAWN))).toBe(true);
  });

  it('leaves out progress that changes nothing here', () => {
    for (const status of [ItemStatus.PENDING, ItemStatus.IN_REVIEW, ItemStatus.AWAITING_SUPPLEMENT, ItemStatus.JOINT_REVIEW]) {
      expect(mayChangeReview(progressed('RESIDENCE_PERMIT', status))).toBe(false);
    }
  });

  it("takes data-sharing's referral of a listed applicant to a joint review", () => {
    const referral = progressed('ABNORMAL_LIST_SCREENING', ItemStatus.JOINT_REVIEW, Events.SharingItemProgressed.type);
    expect(isJointReviewReferral(referral)).toBe(true);
    expect(mayChangeReview(referral)).toBe(true);
    expect(isJointReviewReferral(progressed('ABNORMAL_LIST_SCREENING', ItemStatus.IN_REVIEW, Events.SharingItemProgressed.type))).toBe(false);
  });
});
