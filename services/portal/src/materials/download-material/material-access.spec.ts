import { getCatalogue } from '@work-permit/catalogue';
import { itemsReviewedBy, materialReadRule } from './material-access';

describe(materialReadRule.name, () => {
  it('lets clerks and admins read any document', () => {
    expect(materialReadRule({ subject: 'c', role: 'clerk' })).toBe('always');
    expect(materialReadRule({ subject: 'a', role: 'admin' })).toBe('always');
  });

  it('lets an officer read what a case of their agency references', () => {
    expect(materialReadRule({ subject: 'o', role: 'officer', agency: 'psb' })).toBe('when_referenced_by_agency_case');
  });

  it('lets applicants and employers read their own uploads and their cases’ documents', () => {
    expect(materialReadRule({ subject: 'p', role: 'applicant' })).toBe('when_uploaded_or_referenced_by_own_case');
    expect(materialReadRule({ subject: 'e', role: 'employer' })).toBe('when_uploaded_or_referenced_by_own_case');
  });

  it('never lets an analyst read a document', () => {
    expect(materialReadRule({ subject: 'n', role: 'analyst', agency: 'bigdata' })).toBe('never');
  });
});

describe(itemsReviewedBy.name, () => {
  const catalogue = getCatalogue();

  it("takes an agency's own items", () => {
    expect(itemsReviewedBy(catalogue, 'psb')).toEqual(['RESIDENCE_PERMIT']);
    expect(itemsReviewedBy(catalogue, 'hrss').sort()).toEqual(['E_SOCIAL_SECURITY_CARD', 'PROFESSIONAL_TITLE', 'SOCIAL_INSURANCE']);
  });

  it('takes the items a step of the agency runs inside', () => {
    expect(itemsReviewedBy(catalogue, 'scitech')).toEqual(['WORK_PERMIT']);
    expect(itemsReviewedBy(catalogue, 'bigdata')).toEqual(['WORK_PERMIT']);
  });
});
