/**
 * Cancellation (注销) of a granted permit, as plain functions: which permit an employer's report of
 * the contract's end cancels, which items of an agency depend on it (the catalogue's prerequisite
 * graph), and the words the applicant reads (Chinese first).
 */
import { type Catalogue, dependantsOf } from '@work-permit/catalogue';
import type { ReviewItem } from '../review/review-model';

/** The permit an employment contract carries: the employer cancels it when the contract ends (DOMAIN.md). */
export const CONTRACT_BOUND_ITEM = 'WORK_PERMIT';

export type CancellationGround = 'contract_ended' | 'joint_review_rejected';

/** A text in both languages; the wire carries it as one string, Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function onTheWire(text: Bilingual): string {
  return `${text.zh} / ${text.en}`;
}

export interface CancellationRequest {
  ground: CancellationGround;
  /** For `contract_ended`: the contract's last day, the reporter's reason and whether the report came late. */
  contractEndedOn?: string;
  reportedReason?: string;
  reportedLate?: boolean;
  /** The window the report was measured against (the catalogue's `workPermit.cancellationWindowDays`). */
  windowDays?: number;
  /** For `joint_review_rejected`: the joint review's reasons. */
  jointReviewReason?: string;
}

/** Why the permit is cancelled, as the applicant and the employer read it. */
export function cancellationReason(request: CancellationRequest): Bilingual {
  if (request.ground === 'joint_review_rejected') {
    const reason = request.jointReviewReason ? `：${request.jointReviewReason}` : '';
    return {
      zh: `联合研判未予通过${reason}，外国人来华工作许可予以注销。`,
      en: `The joint review rejected the case${request.jointReviewReason ? `: ${request.jointReviewReason}` : ''}; the work permit is cancelled.`,
    };
  }
  const said = request.reportedReason ? `（${request.reportedReason}）` : '';
  const late = request.reportedLate ? `用人单位未在劳动合同终止之日起${request.windowDays ?? ''}日内报告，已逾期。` : '';
  return {
    zh: `用人单位报告劳动合同已于${request.contractEndedOn ?? ''}终止${said}，外国人来华工作许可予以注销。${late}`,
    en:
      `The employer reported that the employment contract ended on ${request.contractEndedOn ?? ''}${request.reportedReason ? ` (${request.reportedReason})` : ''}; the work permit is cancelled.` +
      (request.reportedLate ? ` The report came later than ${request.windowDays ?? ''} days after the end of the contract.` : ''),
  };
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
