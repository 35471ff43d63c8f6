import { getCatalogue } from '../registry/catalogue.registry';
import { caseItems, materialShortfall } from './case-items';

const catalogue = getCatalogue('2026.1');
const WORK_PERMIT = { code: 'WORK_PERMIT', action: 'issue' as const };
const RESIDENCE_PERMIT = { code: 'RESIDENCE_PERMIT', action: 'issue' as const };
const SOCIAL_INSURANCE = { code: 'SOCIAL_INSURANCE', action: 'apply' as const };
const CHANGE = { code: 'WORK_PERMIT', action: 'change' as const };

describe(caseItems.name, () => {
  it('adds the steps a chosen work permit needs, owned by their agencies', () => {
    expect(caseItems(catalogue, [WORK_PERMIT, RESIDENCE_PERMIT], {})).toEqual([
      { code: 'WORK_PERMIT', action: 'issue', agency: 'approval', kind: 'basic' },
      { code: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', kind: 'step' },
      { code: 'ABNORMAL_LIST_SCREENING', action: 'apply', agency: 'bigdata', kind: 'step' },
      { code: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', kind: 'basic' },
    ]);
  });

  it('runs no step when only a dependant is chosen (the work permit is held)', () => {
    expect(caseItems(catalogue, [SOCIAL_INSURANCE], {}).map((i) => i.code)).toEqual(['SOCIAL_INSURANCE']);
  });
});

describe('steps by action', () => {
  it('runs only the screening for a change of name, passport or position: the category is the permit’s own', () => {
    for (const changed of ['name', 'passportNo', 'position']) {
      expect(caseItems(catalogue, [CHANGE], { change: { workPermitItem: changed } }).map((i) => i.code)).toEqual(['WORK_PERMIT', 'ABNORMAL_LIST_SCREENING']);
    }
    expect(caseItems(catalogue, [{ code: 'WORK_PERMIT', action: 'extend' }], {}).map((i) => i.code)).toEqual(['WORK_PERMIT', 'TALENT_CATEGORY', 'ABNORMAL_LIST_SCREENING']);
  });

  it('runs the talent category for a change of category, as for a first classification', () => {
    expect(caseItems(catalogue, [CHANGE], { change: { workPermitItem: 'category' } })).toEqual([
      { code: 'WORK_PERMIT', action: 'change', agency: 'approval', kind: 'basic' },
      { code: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', kind: 'step' },
      { code: 'ABNORMAL_LIST_SCREENING', action: 'apply', agency: 'bigdata', kind: 'step' },
    ]);
  });

  it('counts a conditional step as possible when there is no body to test', () => {
    expect(caseItems(catalogue, [CHANGE]).map((i) => i.code)).toEqual(['WORK_PERMIT', 'TALENT_CATEGORY', 'ABNORMAL_LIST_SCREENING']);
  });
});

describe(materialShortfall.name, () => {
  const today = '2026-11-30';
  const all = (codes: string[], issuedAt = '2026-11-01') => codes.map((code) => ({ code, issuedAt }));
  const EVERY_UNCONDITIONAL = ['SIGNED_APPLICATION_FORM', 'PASSPORT', 'PHOTO', 'TALENT_CATEGORY_PROOF', 'WORK_EXPERIENCE_PROOF', 'HEALTH_CERTIFICATE', 'EMPLOYMENT_CONTRACT'];
  /** Held a Chinese permit in the waiver years, applying from abroad, no transfer: no condition holds. */
  const RETURNING = { history: { previousWorkPermitNo: '137100202300034' } };

  it('names every missing required document at once', () => {
    const shortfall = materialShortfall(catalogue, WORK_PERMIT, [WORK_PERMIT], all(['SIGNED_APPLICATION_FORM', 'PASSPORT', 'PHOTO']), { today, body: RETURNING });
    expect(shortfall.missing).toEqual(['TALENT_CATEGORY_PROOF', 'WORK_EXPERIENCE_PROOF', 'HEALTH_CERTIFICATE', 'EMPLOYMENT_CONTRACT']);
    expect(shortfall.expired).toEqual([]);
  });

  it('asks a first-time applicant for the degree and criminal-record certificates, which a permit held in the last 3 years waives', () => {
    const onFile = all(EVERY_UNCONDITIONAL);
    expect(materialShortfall(catalogue, WORK_PERMIT, [WORK_PERMIT], onFile, { today, body: {} }).missing).toEqual(['HIGHEST_DEGREE', 'NO_CRIMINAL_RECORD']);
    expect(materialShortfall(catalogue, WORK_PERMIT, [WORK_PERMIT], onFile, { today, body: RETURNING }).missing).toEqual([]);
  });

  it('asks for the visa or residence permit from inside China, and the resignation proof on a transfer', () => {
    const onFile = all(EVERY_UNCONDITIONAL);
    const inChina = { ...RETURNING, applicant: { entryDate: '2026-09-10' } };
    expect(materialShortfall(catalogue, WORK_PERMIT, [WORK_PERMIT], onFile, { today, body: inChina }).missing).toEqual(['VISA_OR_RESIDENCE_PERMIT']);
    const transfer = { ...inChina, history: { ...RETURNING.history, transferInChina: true } };
    expect(materialShortfall(catalogue, WORK_PERMIT, [WORK_PERMIT], onFile, { today, body: transfer }).missing).toEqual(['VISA_OR_RESIDENCE_PERMIT', 'RESIGNATION_PROOF']);
  });

  it('asks for the contract on a change of position, and the category proof on a change of category', () => {
    const onFile = all(['SIGNED_APPLICATION_FORM', 'PASSPORT', 'CHANGE_EVIDENCE']);
    const missingFor = (workPermitItem: string) => materialShortfall(catalogue, CHANGE, [CHANGE], onFile, { today, body: { change: { workPermitItem } } }).missing;
    expect(missingFor('passportNo')).toEqual([]);
    expect(missingFor('position')).toEqual(['EMPLOYMENT_CONTRACT']);
    expect(missingFor('category')).toEqual(['TALENT_CATEGORY_PROOF']);
  });

  it('asks an agreement-country national who claims the exemption for the certificate of coverage', () => {
    const onFile = all(['SIGNED_APPLICATION_FORM', 'PASSPORT', 'EMPLOYMENT_CONTRACT']);
    const missingFor = (body: object) => materialShortfall(catalogue, SOCIAL_INSURANCE, [WORK_PERMIT, SOCIAL_INSURANCE], onFile, { today, body }).missing;
    expect(missingFor({ applicant: { nationality: 'DEU' }, insurance: { claimsAgreementExemption: true } })).toEqual(['SOCIAL_SECURITY_COVERAGE_CERTIFICATE']);
    expect(missingFor({ applicant: { nationality: 'DEU' } })).toEqual([]);
    expect(missingFor({ applicant: { nationality: 'USA' }, insurance: { claimsAgreementExemption: true } })).toEqual([]);
    expect(missingFor({ applicant: { nationality: 'USA' }, holdings: { residencePermitNo: 'RP-371000-3F9A0C1B7D2E4F60' } })).toEqual(['RESIDENCE_PERMIT_PROOF']);
  });

  it('asks for the health certificate for the residence permit only within the ages that need one', () => {
    const onFile = all(['SIGNED_APPLICATION_FORM', 'PASSPORT', 'VISA_OR_RESIDENCE_PERMIT', 'PHOTO', 'EMPLOYER_LETTER', 'BUSINESS_LICENCE', 'ACCOMMODATION_REGISTRATION']);
    const missingFor = (birthDate: string) => materialShortfall(catalogue, RESIDENCE_PERMIT, [WORK_PERMIT, RESIDENCE_PERMIT], onFile, { today, body: { applicant: { birthDate } } }).missing;
    expect(missingFor('1988-04-12')).toEqual(['HEALTH_CERTIFICATE']);
    expect(missingFor('1950-01-01')).toEqual([]);
  });

  it('does not ask for the work permit proof when the work permit is chosen in the same case', () => {
    const onFile = all(['SIGNED_APPLICATION_FORM', 'PASSPORT', 'VISA_OR_RESIDENCE_PERMIT', 'PHOTO', 'HEALTH_CERTIFICATE', 'EMPLOYER_LETTER', 'BUSINESS_LICENCE', 'ACCOMMODATION_REGISTRATION']);
    expect(materialShortfall(catalogue, RESIDENCE_PERMIT, [WORK_PERMIT, RESIDENCE_PERMIT], onFile, { today, body: {} }).missing).toEqual([]);
    expect(materialShortfall(catalogue, RESIDENCE_PERMIT, [RESIDENCE_PERMIT], onFile, { today, body: {} }).missing).toEqual(['WORK_PERMIT_PROOF']);
  });

  it('names a document issued before its validity window as expired', () => {
    const onFile = [...all(EVERY_UNCONDITIONAL.filter((code) => code !== 'PHOTO')), { code: 'PHOTO', issuedAt: '2026-05-29' }];
    expect(materialShortfall(catalogue, WORK_PERMIT, [WORK_PERMIT], onFile, { today, body: RETURNING })).toEqual({ missing: [], expired: ['PHOTO'] });
    expect(materialShortfall(catalogue, WORK_PERMIT, [WORK_PERMIT], onFile, { today: '2026-11-29', body: RETURNING }).expired).toEqual([]);
  });
});
