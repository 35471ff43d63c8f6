import { CURRENT_CATALOGUE_VERSION, getCatalogue, localize, message, officerReason, onTheWire } from '@work-permit/catalogue';
import type { ReviewItem } from '../review/review-model';
import { agencyDependantsOf, cancellationReason, CONTRACT_BOUND_ITEM, decideCancellation } from './permit-cancellation.rules';

const catalogue = getCatalogue(CURRENT_CATALOGUE_VERSION);
const item = (code: string, status: ReviewItem['status'], permitNo?: string) => ({ code, status, result: permitNo ? { permitNo } : null }) as ReviewItem;

describe(agencyDependantsOf.name, () => {
  it("gives public security the residence permit, from the catalogue's graph", () => {
    expect(agencyDependantsOf(catalogue, 'psb', CONTRACT_BOUND_ITEM)).toEqual(['RESIDENCE_PERMIT']);
  });

  it('gives HR and social security its three items', () => {
    expect(agencyDependantsOf(catalogue, 'hrss', CONTRACT_BOUND_ITEM).sort()).toEqual(['E_SOCIAL_SECURITY_CARD', 'PROFESSIONAL_TITLE', 'SOCIAL_INSURANCE']);
  });

  it('gives science and technology nothing: the talent category comes before the permit', () => {
    expect(agencyDependantsOf(catalogue, 'scitech', CONTRACT_BOUND_ITEM)).toEqual([]);
  });

  it('gives nothing for an item the catalogue does not have', () => {
    expect(agencyDependantsOf(catalogue, 'psb', 'VISA')).toEqual([]);
  });
});

describe(decideCancellation.name, () => {
  it('cancels a granted permit, by its number', () => {
    expect(decideCancellation([item('WORK_PERMIT', 'granted', 'WP-371000-1')], 'WORK_PERMIT')).toEqual({ kind: 'cancel', permitNo: 'WP-371000-1' });
  });

  it('cancels nothing that was not granted', () => {
    expect(decideCancellation([item('WORK_PERMIT', 'in_review')], 'WORK_PERMIT')).toEqual({ kind: 'not_granted', status: 'in_review' });
  });

  it('cancels nothing in a case without the permit', () => {
    expect(decideCancellation([], 'WORK_PERMIT')).toEqual({ kind: 'not_granted', status: undefined });
  });
});

describe(cancellationReason.name, () => {
  it('says in Chinese first, then English, that the employer reported the contract ended', () => {
    const text = onTheWire(cancellationReason({ ground: 'contract_ended', contractEndedOn: '2026-11-30', reportedReason: '合同期满', windowDays: 10 }));
    expect(text).toBe('用人单位报告劳动合同已于2026-11-30终止（合同期满），外国人来华工作许可予以注销。 / The employer reported that the employment contract ended on 2026-11-30 (合同期满); the work permit is cancelled.');
  });

  it('says when the report came after the window', () => {
    const text = localize(cancellationReason({ ground: 'contract_ended', contractEndedOn: '2026-11-01', reportedLate: true, windowDays: 10 }));
    expect(text.zh).toContain('未在劳动合同终止之日起10日内报告');
    expect(text.en).toContain('later than 10 days after the end of the contract');
  });

  it("gives the joint review's reasons for a listed holder", () => {
    const reason = message('joint_review.rejected', { opinions: [message('joint_review.opinion', { agency: 'psb', reason: officerReason('forged degree') })] });
    expect(localize(cancellationReason({ ground: 'joint_review_rejected', jointReviewReason: reason }))).toEqual({
      zh: '联合研判未予通过：威海市公安局出入境管理支队：forged degree，外国人来华工作许可予以注销。',
      en: 'The joint review rejected the case: Weihai Public Security Bureau, Exit-Entry Administration: forged degree; the work permit is cancelled.',
    });
  });
});
