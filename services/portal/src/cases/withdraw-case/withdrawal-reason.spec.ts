import { localize } from '@work-permit/catalogue';
import { withdrawalReason } from './withdraw-case.usecase';

describe(withdrawalReason.name, () => {
  it('keeps the person’s own words as written, in both languages', () => {
    expect(localize(withdrawalReason('took another offer', 'applicant'))).toEqual({ zh: 'took another offer', en: 'took another offer' });
  });

  it('says who withdrew when they gave no reason: the employer, not "the applicant"', () => {
    expect(localize(withdrawalReason(undefined, 'employer'))).toEqual({ zh: '由用人单位撤回', en: 'withdrawn by the employer' });
    expect(localize(withdrawalReason('', 'applicant'))).toEqual({ zh: '由申请人撤回', en: 'withdrawn by the applicant' });
  });
});
