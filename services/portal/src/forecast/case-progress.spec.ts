import { caseProgress } from './case-progress';

// Instants in UTC; the days are China's (UTC+8): 2026-09-28T17:00Z is already 09-29 in Weihai.
const at = (iso: string) => new Date(iso);

describe(caseProgress.name, () => {
  it('takes the decision day from the decided entry, in China', () => {
    const progress = caseProgress(
      [{ code: 'WORK_PERMIT', status: 'granted' }],
      [
        { at: at('2026-09-28T02:00:00Z'), type: 'review_started', item: 'WORK_PERMIT' },
        { at: at('2026-10-08T17:30:00Z'), type: 'decided', item: 'WORK_PERMIT' },
      ],
    );
    expect(progress).toEqual({ WORK_PERMIT: { status: 'granted', decidedOn: '2026-10-09' } });
  });

  it('pairs each supplement request with the answer that followed, and keeps an awaited one open', () => {
    const progress = caseProgress(
      [
        { code: 'WORK_PERMIT', status: 'in_review' },
        { code: 'RESIDENCE_PERMIT', status: 'awaiting_supplement' },
      ],
      [
        { at: at('2026-09-28T02:00:00Z'), type: 'supplement_requested', item: 'WORK_PERMIT' },
        { at: at('2026-09-28T02:00:01Z'), type: 'supplement_requested', item: 'RESIDENCE_PERMIT' },
        { at: at('2026-10-09T03:00:00Z'), type: 'supplemented', item: 'WORK_PERMIT' },
        { at: at('2026-10-09T03:00:00Z'), type: 'submitted', item: null },
      ],
    );
    expect(progress).toEqual({
      WORK_PERMIT: { status: 'in_review', supplements: [{ requestedOn: '2026-09-28', suppliedOn: '2026-10-09' }] },
      RESIDENCE_PERMIT: { status: 'awaiting_supplement', supplements: [{ requestedOn: '2026-09-28' }] },
    });
  });

  it('drops an unanswered request once the item no longer waits for it', () => {
    const progress = caseProgress([{ code: 'SOCIAL_INSURANCE', status: 'withdrawn' }], [{ at: at('2026-09-28T02:00:00Z'), type: 'supplement_requested', item: 'SOCIAL_INSURANCE' }]);
    expect(progress).toEqual({ SOCIAL_INSURANCE: { status: 'withdrawn' } });
  });
});
