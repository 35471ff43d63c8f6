import { localize } from '@work-permit/catalogue';
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
    const conclusion = concludeJointReview(agencies, [approve('approval'), reject('psb', '入境章伪造'), reject('hrss', 'forged contract')]);
    expect(conclusion?.status).toBe('rejected');
    // Each agency by its name in the reader's language; the officers' words as written.
    expect(localize(conclusion!.reason)).toEqual({
      zh: '威海市公安局出入境管理支队：入境章伪造；威海市人力资源和社会保障局：forged contract',
      en: 'Weihai Public Security Bureau, Exit-Entry Administration: 入境章伪造; Weihai Human Resources and Social Security Bureau: forged contract',
    });
  });
});
