import { getCatalogue, mergeForm } from '@work-permit/catalogue';
import { withPrefill } from './form-prefill';

describe(withPrefill.name, () => {
  it('adds the record’s value and source next to the fields it knows, and leaves the others as they were', () => {
    const form = mergeForm(getCatalogue(), [{ code: 'WORK_PERMIT', action: 'issue' }]);
    const source = { source: 'portal.case.submitted', sourceCaseId: 'c1', updatedAt: '2026-03-01T00:00:00.000Z' };
    const prefilled = withPrefill(form, { 'applicant.surname': { value: 'SCHMIDT', ...source }, 'no.such.field': { value: 1, ...source } });
    expect(prefilled.fields.find((f) => f.path === 'applicant.surname')?.prefill).toEqual({ value: 'SCHMIDT', ...source });
    expect(prefilled.fields.filter((f) => f.prefill)).toHaveLength(1);
    expect(prefilled.fields.find((f) => f.path === 'applicant.givenNames')).toEqual(form.fields.find((f) => f.path === 'applicant.givenNames'));
    expect(prefilled.reduction).toEqual(form.reduction);
  });
});
