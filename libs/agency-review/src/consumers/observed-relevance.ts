import { type AgencyCode, catalogueVersions, dataScopeOf, getCatalogue } from '@work-permit/catalogue';
import { Events, type IncomingEvent, type ItemDecided, type ItemProgressed, ItemStatus } from '@work-permit/contracts';
import type { RelevancePredicate } from '@work-permit/messaging';
import { outcomeOf } from '../events/event-mapping';

export const SCREENING = 'ABNORMAL_LIST_SCREENING';

/** Data-sharing referring a case on the abnormal-information list to a joint review. */
export function isJointReviewReferral(event: IncomingEvent<ItemDecided | ItemProgressed>): boolean {
  const payload = event.payload;
  return event.type === Events.SharingItemProgressed.type && payload.itemCode === SCREENING && 'status' in payload && payload.status === ItemStatus.JOINT_REVIEW;
}

/**
 * The items whose outcomes the agency keeps: those its data scope releases (`permits.<CODE>`) under
 * any catalogue version this service knows — its own items, their steps and their prerequisites,
 * which are all its workflow reads (`resolvePrerequisites`).
 */
export function outcomesKeptBy(agency: AgencyCode): ReadonlySet<string> {
  const kept = new Set<string>();
  for (const version of catalogueVersions()) {
    const catalogue = getCatalogue(version);
    const scope = dataScopeOf(catalogue, agency);
    for (const item of catalogue.items) if (scope.releases(`permits.${item.code}`)) kept.add(item.code);
  }
  return kept;
}

/**
 * Whether another agency's item event can change anything at `agency`: an outcome (granted, rejected,
 * terminated, withdrawn) of an item it keeps outcomes of (`outcomesKeptBy`), or, for the lead of joint
 * reviews, a referral to one. The rest — their progress (review started, documents asked for), the
 * outcomes of items none of its items waits on and its scope does not release — is acknowledged
 * unread, without a transaction: most of what an agency consumes per case.
 */
export function observedRelevance({ agency, leadsJointReview }: { agency: AgencyCode; leadsJointReview?: boolean }): RelevancePredicate<ItemDecided | ItemProgressed> {
  const kept = outcomesKeptBy(agency);
  return (event) => (outcomeOf(event.payload) !== undefined && kept.has(event.payload.itemCode)) || (leadsJointReview === true && isJointReviewReferral(event));
}
