import { getCatalogue } from '@work-permit/catalogue';
import { itemsReviewedBy, materialReadRule, officerMayRead } from './material-access';

describe(materialReadRule.name, () => {
  it('lets clerks and admins read any document', () => {
    expect(materialReadRule({ subject: 'c', role: 'clerk' })).toBe('always');
    expect(materialReadRule({ subject: 'a', role: 'admin' })).toBe('always');
  });

  it("lets an officer read what a case of their agency references within the agency's scope", () => {
    expect(materialReadRule({ subject: 'o', role: 'officer', agency: 'psb' })).toBe('when_referenced_in_agency_scope');
  });

  it('lets applicants and employers read their own uploads and their cases’ documents', () => {
    expect(materialReadRule({ subject: 'p', role: 'applicant' })).toBe('when_uploaded_or_referenced_by_own_case');
    expect(materialReadRule({ subject: 'e', role: 'employer' })).toBe('when_uploaded_or_referenced_by_own_case');
  });

  it('never lets an analyst read a document', () => {
    expect(materialReadRule({ subject: 'n', role: 'analyst', agency: 'bigdata' })).toBe('never');
  });
});

describe(officerMayRead.name, () => {
  const catalogue = getCatalogue();
  const catalogueOf = (version: string) => (version === catalogue.version ? catalogue : undefined);
  const reference = (materialCode: string, itemCode: string, catalogueVersion = catalogue.version) => ({ catalogueVersion, materialCode, itemCode });

  it('lets an HR officer read a contract of a case with an HR item, never a criminal-record certificate', () => {
    const references = [reference('EMPLOYMENT_CONTRACT', 'WORK_PERMIT'), reference('EMPLOYMENT_CONTRACT', 'SOCIAL_INSURANCE')];
    expect(officerMayRead('hrss', references, catalogueOf)).toBe(true);
    const certificate = [reference('NO_CRIMINAL_RECORD', 'WORK_PERMIT'), reference('NO_CRIMINAL_RECORD', 'SOCIAL_INSURANCE')];
    expect(officerMayRead('hrss', certificate, catalogueOf)).toBe(false);
    expect(officerMayRead('approval', certificate, catalogueOf)).toBe(true);
  });

  it('needs an item the agency reviews in the same case, not just a document in its scope', () => {
    expect(officerMayRead('psb', [reference('PASSPORT', 'WORK_PERMIT')], catalogueOf)).toBe(false);
    expect(officerMayRead('psb', [reference('PASSPORT', 'RESIDENCE_PERMIT')], catalogueOf)).toBe(true);
  });

  it('lets a step agency read what its step judges inside the work permit, and nothing else of it', () => {
    expect(officerMayRead('scitech', [reference('TALENT_CATEGORY_PROOF', 'WORK_PERMIT')], catalogueOf)).toBe(true);
    expect(officerMayRead('scitech', [reference('PASSPORT', 'WORK_PERMIT')], catalogueOf)).toBe(false);
  });

  it('releases nothing of a case whose catalogue version this build no longer has', () => {
    expect(officerMayRead('approval', [reference('PASSPORT', 'WORK_PERMIT', '2020.1')], catalogueOf)).toBe(false);
    expect(officerMayRead('approval', [], catalogueOf)).toBe(false);
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
