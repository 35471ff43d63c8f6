import { opinionBodyOf, opinionProblemsOf, standingOf } from './joint-review-model';

const review = {
  status: 'open' as const,
  agencies: ['approval', 'psb', 'hrss'],
  awaiting: ['psb', 'hrss'],
  awaitingYou: false,
  opinions: [{ agency: 'approval', opinion: 'approve' as const, reason: 'fine', officer: 'a-1', givenAt: '2026-12-01T00:00:00.000Z' }],
};

describe(standingOf.name, () => {
  it('asks an agency still to answer for its opinion', () => {
    expect(standingOf({ ...review, awaitingYou: true }, 'psb')).toEqual({ kind: 'awaiting' });
    expect(standingOf(review, 'hrss')).toEqual({ kind: 'awaiting' });
  });

  it('shows an agency that answered its opinion', () => {
    expect(standingOf(review, 'approval')).toEqual({ kind: 'answered', opinion: review.opinions[0] });
  });

  it('says an agency without an item in the case is not involved', () => {
    expect(standingOf(review, 'scitech')).toEqual({ kind: 'notInvolved' });
    expect(standingOf(review, undefined)).toEqual({ kind: 'notInvolved' });
  });

  it('never asks once the review has concluded', () => {
    expect(standingOf({ ...review, status: 'approved', awaiting: [] }, 'psb')).toEqual({ kind: 'answered' });
  });
});

describe(opinionProblemsOf.name, () => {
  it('asks for an opinion, and for a reason to reject', () => {
    expect(opinionProblemsOf({ reason: '' })).toEqual({ opinion: 'joint.chooseOpinion' });
    expect(opinionProblemsOf({ opinion: 'reject', reason: ' ' })).toEqual({ reason: 'joint.reasonRequired' });
    expect(opinionProblemsOf({ opinion: 'approve', reason: '' })).toEqual({});
  });

  it('sends a reason only when given', () => {
    expect(opinionBodyOf({ opinion: 'approve', reason: ' ' })).toEqual({ opinion: 'approve' });
    expect(opinionBodyOf({ opinion: 'reject', reason: ' listed ' })).toEqual({ opinion: 'reject', reason: 'listed' });
  });
});
