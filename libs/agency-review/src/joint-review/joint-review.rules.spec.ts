import { concludeJointReview, outstandingAgencies } from './joint-review.rules';

const approve = (agency: string) => ({ agency, opinion: 'approve' as const, reason: '' });
const reject = (agency: string, reason: string) => ({ agency, opinion: 'reject' as const, reason });

describe(concludeJointReview.name, () => {
  const agencies = ['approval', 'psb', 'hrss'];

  it('waits while an involved agency has not answered', () => {
    expect(concludeJointReview(agencies, [approve('approval'), approve('psb')])).toBeUndefined();
    expect(outstandingAgencies(agencies, [approve('approval'), approve('psb')])).toEqual(['hrss']);
  });

  it('approves when every agency approves', () => {
    expect(concludeJointReview(agencies, [approve('approval'), approve('psb'), approve('hrss')])).toMatchObject({ status: 'approved' });
  });

  it('rejects when any agency rejects, with the reasons of those that did', () => {
    expect(concludeJointReview(agencies, [approve('approval'), reject('psb', 'forged entry stamp'), approve('hrss')])).toEqual({
      status: 'rejected',
      reason: 'psb: forged entry stamp',
    });
  });
});
