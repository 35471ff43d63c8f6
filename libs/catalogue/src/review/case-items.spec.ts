import { getCatalogue } from '../registry/catalogue.registry';
import { caseItems, materialShortfall } from './case-items';

const catalogue = getCatalogue('2026.1');
const WORK_PERMIT = { code: 'WORK_PERMIT', action: 'issue' as const };
const RESIDENCE_PERMIT = { code: 'RESIDENCE_PERMIT', action: 'issue' as const };

describe(caseItems.name, () => {
  it('adds the steps a chosen work permit needs, owned by their agencies', () => {
    expect(caseItems(catalogue, [WORK_PERMIT, RESIDENCE_PERMIT])).toEqual([
      { code: 'WORK_PERMIT', action: 'issue', agency: 'approval', kind: 'basic' },
      { code: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', kind: 'step' },
      { code: 'ABNORMAL_LIST_SCREENING', action: 'apply', agency: 'bigdata', kind: 'step' },
      { code: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', kind: 'basic' },
    ]);
  });

  it('runs no step when only a dependant is chosen (the work permit is held)', () => {
    expect(caseItems(catalogue, [{ code: 'SOCIAL_INSURANCE', action: 'apply' }]).map((i) => i.code)).toEqual(['SOCIAL_INSURANCE']);
  });
});

describe(materialShortfall.name, () => {
  const today = '2026-11-30';
  const all = (codes: string[], issuedAt = '2026-11-01') => codes.map((code) => ({ code, issuedAt }));

  it('names every missing required document at once, and no optional one', () => {
    const shortfall = materialShortfall(catalogue, WORK_PERMIT, [WORK_PERMIT], all(['SIGNED_APPLICATION_FORM', 'PASSPORT', 'PHOTO']), { today });
    expect(shortfall.missing).toEqual(['TALENT_CATEGORY_PROOF', 'WORK_EXPERIENCE_PROOF', 'HEALTH_CERTIFICATE', 'EMPLOYMENT_CONTRACT']);
    expect(shortfall.missing).not.toContain('NO_CRIMINAL_RECORD');
    expect(shortfall.expired).toEqual([]);
  });

  it('does not ask for the work permit proof when the work permit is chosen in the same case', () => {
    const onFile = all(['SIGNED_APPLICATION_FORM', 'PASSPORT', 'VISA_OR_RESIDENCE_PERMIT', 'PHOTO', 'EMPLOYER_LETTER', 'BUSINESS_LICENCE', 'ACCOMMODATION_REGISTRATION']);
    expect(materialShortfall(catalogue, RESIDENCE_PERMIT, [WORK_PERMIT, RESIDENCE_PERMIT], onFile, { today }).missing).toEqual([]);
    expect(materialShortfall(catalogue, RESIDENCE_PERMIT, [RESIDENCE_PERMIT], onFile, { today }).missing).toEqual(['WORK_PERMIT_PROOF']);
  });

  it('names a document issued before its validity window as expired', () => {
    const onFile = [...all(['SIGNED_APPLICATION_FORM', 'PASSPORT', 'TALENT_CATEGORY_PROOF', 'WORK_EXPERIENCE_PROOF', 'HEALTH_CERTIFICATE', 'EMPLOYMENT_CONTRACT']), { code: 'PHOTO', issuedAt: '2026-05-29' }];
    expect(materialShortfall(catalogue, WORK_PERMIT, [WORK_PERMIT], onFile, { today })).toEqual({ missing: [], expired: ['PHOTO'] });
    expect(materialShortfall(catalogue, WORK_PERMIT, [WORK_PERMIT], onFile, { today: '2026-11-29' }).expired).toEqual([]);
  });
});

describe('steps by action', () => {
  it('runs only the screening for a change of the work permit: the category is the permit’s own', () => {
    expect(caseItems(catalogue, [{ code: 'WORK_PERMIT', action: 'change' }]).map((i) => i.code)).toEqual(['WORK_PERMIT', 'ABNORMAL_LIST_SCREENING']);
    expect(caseItems(catalogue, [{ code: 'WORK_PERMIT', action: 'extend' }]).map((i) => i.code)).toEqual(['WORK_PERMIT', 'TALENT_CATEGORY', 'ABNORMAL_LIST_SCREENING']);
  });
});
