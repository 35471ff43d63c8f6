import { localize, officerReason, onTheWire } from '@work-permit/catalogue';
import { clearingDecidesTheStep, type HeldPermit, isCurrentPermit, lateListingTargets, lateReferralReason, type OpenCase, screeningAfterLateMatch } from './late-listing.rules';

const TODAY = '2026-12-06';
const open = (caseId: string, applicantId: string, screening: OpenCase['screening'] = 'clear'): OpenCase => ({ caseId, applicantId, screening, action: 'issue' });
const permit = (caseId: string, applicantId: string, patch: Partial<HeldPermit> = {}): HeldPermit => ({
  caseId,
  applicantId,
  status: 'granted',
  validTo: '2028-02-28',
  cancelled: false,
  action: 'issue',
  screening: 'clear',
  ...patch,
});

describe(isCurrentPermit.name, () => {
  it('takes a granted permit up to its last valid day', () => {
    expect(isCurrentPermit({ status: 'granted', validTo: TODAY, cancelled: false }, TODAY)).toBe(true);
  });

  it('leaves out an expired, a cancelled or a refused permit', () => {
    expect(isCurrentPermit({ status: 'granted', validTo: '2026-12-05', cancelled: false }, TODAY)).toBe(false);
    expect(isCurrentPermit({ status: 'granted', validTo: '2028-01-01', cancelled: true }, TODAY)).toBe(false);
    expect(isCurrentPermit({ status: 'rejected', validTo: null, cancelled: false }, TODAY)).toBe(false);
  });
});

describe(lateListingTargets.name, () => {
  it('refers the open case of the listed person, even one whose screening came back clear', () => {
    expect(lateListingTargets(new Map([['ap_1', 'listed']]), [open('c1', 'ap_1', 'clear')], [], TODAY)).toEqual([
      { caseId: 'c1', kind: 'open_case', match: 'listed', action: 'issue', previous: 'clear' },
    ]);
  });

  it('refers the case that granted a current permit to the listed person', () => {
    expect(lateListingTargets(new Map([['ap_1', 'listed']]), [], [permit('c0', 'ap_1')], TODAY)).toEqual([
      { caseId: 'c0', kind: 'permit_holder', match: 'listed', action: 'issue', previous: 'clear' },
    ]);
  });

  it('leaves out other people, expired and cancelled permits', () => {
    const permits = [permit('c2', 'ap_2'), permit('c3', 'ap_1', { validTo: '2026-01-01' }), permit('c4', 'ap_1', { cancelled: true })];
    expect(lateListingTargets(new Map([['ap_1', 'listed']]), [open('c5', 'ap_2')], permits, TODAY)).toEqual([]);
  });

  it('refers a case once, as an open case, when it is also the one holding the permit', () => {
    expect(lateListingTargets(new Map([['ap_1', 'listed']]), [open('c1', 'ap_1')], [permit('c1', 'ap_1')], TODAY)).toEqual([expect.objectContaining({ caseId: 'c1', kind: 'open_case' })]);
  });

  it('skips a case already on its way to a joint review', () => {
    expect(lateListingTargets(new Map([['ap_1', 'listed']]), [open('c1', 'ap_1', 'listed')], [], TODAY)).toEqual([]);
  });

  it('names a near match as possible, for an officer to check', () => {
    expect(lateListingTargets(new Map([['ap_3', 'possible']]), [], [permit('c9', 'ap_3', { screening: null })], TODAY)).toEqual([
      { caseId: 'c9', kind: 'permit_holder', match: 'possible', action: 'issue', previous: 'none' },
    ]);
  });
});

describe(screeningAfterLateMatch.name, () => {
  it('lists on an exact match and keeps a listed case listed', () => {
    expect(screeningAfterLateMatch('clear', 'listed')).toBe('listed');
    expect(screeningAfterLateMatch('listed', 'possible')).toBe('listed');
  });

  it('puts a near match before an officer', () => {
    expect(screeningAfterLateMatch('clear', 'possible')).toBe('possible');
    expect(screeningAfterLateMatch('none', 'possible')).toBe('possible');
  });
});

describe(clearingDecidesTheStep.name, () => {
  it('decides the step when it was never decided', () => {
    expect(clearingDecidesTheStep([])).toBe(true);
    expect(clearingDecidesTheStep([{ match: 'possible', previous: 'possible' }])).toBe(true);
  });

  it('does not decide again a step granted before the late near match', () => {
    expect(clearingDecidesTheStep([{ match: 'possible', previous: 'clear' }])).toBe(false);
    expect(clearingDecidesTheStep([{ match: 'possible', previous: 'none' }])).toBe(false);
  });
});

describe(lateReferralReason.name, () => {
  it('says in Chinese and English that the listing came later, with the entry’s reason as written', () => {
    const openCase = lateReferralReason('open_case', 'forged degree');
    expect(openCase).toEqual({ code: 'screening.late_listed_case', params: { reason: officerReason('forged degree') } });
    expect(localize(openCase)).toEqual({
      zh: '申请人在案件受理后被列入异常信息名单（forged degree），由各部门联合研判。',
      en: 'The applicant was put on the abnormal-information list after the case was filed (forged degree); the agencies review the case jointly.',
    });
    const holder = lateReferralReason('permit_holder', '伪造学历');
    expect(holder.code).toBe('screening.late_listed_holder');
    expect(onTheWire(holder)).toBe(
      "持证人在获得许可后被列入异常信息名单（伪造学历），由各部门对其许可联合研判。 / The permit holder was put on the abnormal-information list after the grant (伪造学历); the agencies review the holder's case jointly.",
    );
  });
});
