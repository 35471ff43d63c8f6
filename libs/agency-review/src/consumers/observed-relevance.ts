import { Events, type IncomingEvent, type ItemDecided, type ItemProgressed, ItemStatus } from '@work-permit/contracts';
import { outcomeOf } from '../events/event-mapping';

export const SCREENING = 'ABNORMAL_LIST_SCREENING';

/** Data-sharing referring a case on the abnormal-information list to a joint review. */
export function isJointReviewReferral(event: IncomingEvent<ItemDecided | ItemProgressed>): boolean {
  const payload = event.payload;
  return event.type === Events.SharingItemProgressed.type && payload.itemCode === SCREENING && 'status' in payload && payload.status === ItemStatus.JOINT_REVIEW;
}

/**
 * Whether another agency's item event can change anything here: an outcome (granted, rejected,
 * terminated, withdrawn) that items may wait on, or a joint-review referral. The rest of their
 * progress (review started, documents asked for) never does, so it is not applied at all — about a
 * third of what each agency consumes per case.
 */
export function mayChangeReview(event: IncomingEvent<ItemDecided | ItemProgressed>): boolean {
  return outcomeOf(event.payload) !== undefined || isJointReviewReferral(event);
}
