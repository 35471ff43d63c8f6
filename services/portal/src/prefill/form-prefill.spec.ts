import { getCatalogue, mergeForm } from '@work-permit/catalogue';
import { sourceAgencyOf, withPrefill } from './form-prefill';

describe(withPrefill.name, () => {
  const form = mergeForm(getCatalogue(), [{ code: 'WORK_PERMIT', action: 'issue' }]);
  const source = { source: 'portal.case.submitted', sourceCaseId: 'c1', updatedAt: '2026-03-01T00:00:00.000Z' };

  it('adds the record’s value, source and version next to the fields it knows, and leaves the others as they were', () => {
    const prefilled = withPrefill(form, { version: 4, fields: { 'applicant.surname': { value: 'SCHMIDT', ...source }, 'no.such.field': { value: 1, ...source } } });
    expect(prefilled.fields.find((f) => f.path === 'applicant.surname')?.prefill).toEqual({ value: 'SCHMIDT', ...source, recordVersion: 4, sourceAgency: null });
    expect(prefilled.fields.filter((f) => f.prefill)).toHaveLength(1);
    expect(prefilled.fields.find((f) => f.path === 'applicant.givenNames')).toEqual(form.fields.find((f) => f.path === 'applicant.givenNames'));
    expect(prefilled.reduction).toEqual(form.reduction);
  });

  it('offers nothing without a record', () => {
    expect(withPrefill(form, undefined).fields.filter((f) => 'prefill' in f)).toEqual([]);
  });
});

describe(sourceAgencyOf.name, () => {
  it('names the agency whose decision set a value, in both languages, and no agency for a filing', () => {
    expect(sourceAgencyOf('approval.item.decided')).toEqual({ code: 'approval', name: { zh: '威海市行政审批服务局', en: 'Weihai Administrative Approval Service Bureau' } });
    expect(sourceAgencyOf('sharing.item.decided')?.code).toBe('bigdata');
    expect(sourceAgencyOf('portal.case.submitted')).toBeNull();
    expect(sourceAgencyOf('nobody.knows')).toBeNull();
  });
});
