import type { Principal } from '@work-permit/auth';
import { canSupplementCase, canViewCase, canWithdrawCase, visibleItems } from './case-access';

const submittedByApplicant = { applicantSubject: 'alice', employerSubject: null };
const submittedByEmployer = { applicantSubject: null, employerSubject: 'acme' };
const as = (role: Principal['role'], subject = 'x', agency?: Principal['agency']): Principal => ({ role, subject, agency });

describe(canViewCase.name, () => {
  it('lets the applicant see their own case and not another', () => {
    expect(canViewCase(as('applicant', 'alice'), submittedByApplicant, [])).toBe(true);
    expect(canViewCase(as('applicant', 'bob'), submittedByApplicant, [])).toBe(false);
  });

  it('lets the employer see only the cases it submitted', () => {
    expect(canViewCase(as('employer', 'acme'), submittedByEmployer, [])).toBe(true);
    expect(canViewCase(as('employer', 'acme'), submittedByApplicant, [])).toBe(false);
  });

  it('lets an officer see a case only when its agency has an item in it', () => {
    expect(canViewCase(as('officer', 'o', 'psb'), submittedByApplicant, ['approval', 'psb'])).toBe(true);
    expect(canViewCase(as('officer', 'o', 'hrss'), submittedByApplicant, ['approval', 'psb'])).toBe(false);
  });

  it('keeps analysts out of case files', () => {
    expect(canViewCase(as('analyst', 'a', 'bigdata'), submittedByApplicant, ['approval'])).toBe(false);
  });
});

describe(visibleItems.name, () => {
  it("shows an officer only its agency's items", () => {
    const items = [{ agency: 'approval' }, { agency: 'psb' }];
    expect(visibleItems(as('officer', 'o', 'psb'), items)).toEqual([{ agency: 'psb' }]);
    expect(visibleItems(as('clerk'), items)).toHaveLength(2);
  });
});

describe(canWithdrawCase.name, () => {
  it('lets only the owner withdraw, not a clerk', () => {
    expect(canWithdrawCase(as('employer', 'acme'), submittedByEmployer)).toBe(true);
    expect(canWithdrawCase(as('clerk'), submittedByEmployer)).toBe(false);
    expect(canSupplementCase(as('clerk'), submittedByEmployer)).toBe(true);
  });
});
