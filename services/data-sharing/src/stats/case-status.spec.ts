import { caseStatusOf } from './case-status';

describe(caseStatusOf.name, () => {
  it('is in progress while a chosen item has no outcome', () => {
    expect(caseStatusOf(null, [{ chosen: true, outcome: 'granted' }, { chosen: true, outcome: null }])).toBe('in_progress');
  });

  it('is in progress before the submission names the chosen items', () => {
    expect(caseStatusOf(null, [{ chosen: false, outcome: 'granted' }])).toBe('in_progress');
  });

  it('is completed when every chosen item ended, whatever a step inside them does', () => {
    expect(caseStatusOf(null, [{ chosen: true, outcome: 'granted' }, { chosen: true, outcome: 'rejected' }, { chosen: false, outcome: null }])).toBe('completed');
  });

  it('is withdrawn once the applicant withdrew it, or when every chosen item was withdrawn', () => {
    expect(caseStatusOf(new Date(), [{ chosen: true, outcome: 'granted' }])).toBe('withdrawn');
    expect(caseStatusOf(null, [{ chosen: true, outcome: 'withdrawn' }])).toBe('withdrawn');
  });
});
