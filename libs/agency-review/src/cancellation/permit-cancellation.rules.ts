/**
 * Cancellation (注销) of a granted permit, as plain functions: which permit an employer's report of
 * the contract's end cancels, which items of an agency depend on it (the catalogue's prerequisite
 * graph), and the words the applicant reads (Chinese first).
 */
import { type Catalogue, dependantsOf, type Message, message, officerReason } from '@work-permit/catalogue';
import type { ReviewItem } from '../review/review-model';

/** The permit an employment contract carries: the employer cancels it when the contract ends (DOMAIN.md). */
export const CONTRACT_BOUND_ITEM = 'WORK_PERMIT';

export type CancellationGround = 'contract_ended' | 'joint_review_rejected';

export interface CancellationRequest {
  ground: CancellationGround;
  /** For `contract_ended`: the contract's last day, the reporter's reason and whether the report came late. */
  contractEndedOn?: string;
  reportedReason?: string;
  reportedLate?: boolean;
  /** The window the report was measured against (the catalogue's `workPermit.cancellationWindowDays`). */
  windowDays?: number;
  /** For `joint_review_rejected`: the joint review's reasons. */
  jointReviewReason?: Message;
}

/** Why the permit is cancelled, as the applicant and the employer read it (the reporter's words as written). */
export function cancellationReason(request: CancellationRequest): Message {
  if (request.ground === 'joint_review_rejected') return message('cancellation.joint_review_rejected', { reason: request.jointReviewReason });
  return message('cancellation.contract_ended', {
    endedOn: request.contractEndedOn ?? '',
    reportedReason: request.reportedReason ? officerReason(request.reportedReason) : undefined,
    late: request.reportedLate ?? false,
    windowDays: request.windowDays ?? 0,
  });
}

/** What the owner of a permit does with a request to cancel the one granted in a case. */
export type CancellationDecision = { kind: 'cancel'; permitNo: string } | { kind: 'not_granted'; status: string | undefined };

export function decideCancellation(items: readonly ReviewItem[], itemCode: string): CancellationDecision {
  const item = items.find((candidate) => candidate.code === itemCode);
  if (!item || item.status !== 'granted') return { kind: 'not_granted', status: item?.status };
  return { kind: 'cancel', permitNo: item.result?.permitNo ?? '' };
}

/** The items of `agency` that wait for `itemCode`, directly or through other items, by the catalogue's graph. */
export function agencyDependantsOf(catalogue: Catalogue, agency: string, itemCode: string): string[] {
  if (!catalogue.items.some((item) => item.code === itemCode)) return [];
  const owned = new Set(catalogue.items.filter((item) => item.agency === agency).map((item) => item.code));
  return dependantsOf(catalogue, itemCode).filter((code) => owned.has(code));
}
