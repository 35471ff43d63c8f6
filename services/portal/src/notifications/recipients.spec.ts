import { recipientsOf } from './recipients';

const body = { applicant: { email: 'li.wei@example.com' } };

describe(recipientsOf.name, () => {
  it('tells the applicant who filed the case, by inbox and email', () => {
    expect(recipientsOf({ caseId: 'c1', applicantSubject: 'a-1', employerSubject: null, body })).toEqual([{ key: 'a-1', role: 'applicant', email: 'li.wei@example.com' }]);
  });

  it("tells the employer who filed the case in its inbox, and the applicant by email only", () => {
    expect(recipientsOf({ caseId: 'c1', applicantSubject: null, employerSubject: 'e-1', body })).toEqual([
      { key: 'case-applicant:c1', role: 'applicant', email: 'li.wei@example.com' },
      { key: 'e-1', role: 'employer', email: null },
    ]);
  });

  it('tells nobody of a window case without an email address', () => {
    expect(recipientsOf({ caseId: 'c1', applicantSubject: null, employerSubject: null, body: { applicant: { email: 'not an address' } } })).toEqual([]);
  });
});
