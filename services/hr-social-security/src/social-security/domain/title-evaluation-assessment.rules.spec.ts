import { type Catalogue, getCatalogue } from '@work-permit/catalogue';
import { SocialSecurityErrorCode } from './social-security.exception';
import { assessTitleEvaluation } from './title-evaluation-assessment.rules';

const ALL_UPLOADED = ['SIGNED_APPLICATION_FORM', 'PASSPORT', 'WORK_PERMIT_PROOF', 'HIGHEST_DEGREE', 'EMPLOYER_RECOMMENDATION', 'ACHIEVEMENT_EVIDENCE'].map((code) => ({ code }));

describe(assessTitleEvaluation.name, () => {
  it('is manual even with every material present', () => {
    expect(assessTitleEvaluation({ materials: ALL_UPLOADED })).toMatchObject({ decision: 'manual', missing: [] });
  });

  it('lists every material the committee needs from the catalogue, each present', () => {
    expect(assessTitleEvaluation({ materials: ALL_UPLOADED }).materials).toEqual([
      { code: 'SIGNED_APPLICATION_FORM', name: expect.any(String), status: 'present' },
      { code: 'PASSPORT', name: 'Passport (data page)', status: 'present' },
      { code: 'WORK_PERMIT_PROOF', name: expect.any(String), status: 'present' },
      { code: 'HIGHEST_DEGREE', name: expect.any(String), status: 'present' },
      { code: 'EMPLOYER_RECOMMENDATION', name: 'Employer’s recommendation', status: 'present' },
      { code: 'ACHIEVEMENT_EVIDENCE', name: 'Evidence of professional achievements', status: 'present' },
    ]);
  });

  it('names the missing materials', () => {
    const materials = ALL_UPLOADED.filter(({ code }) => code !== 'HIGHEST_DEGREE' && code !== 'ACHIEVEMENT_EVIDENCE');
    expect(assessTitleEvaluation({ materials }).missing).toEqual(['HIGHEST_DEGREE', 'ACHIEVEMENT_EVIDENCE']);
  });

  it('takes the work permit proof from the shared work permit result', () => {
    const materials = ALL_UPLOADED.filter(({ code }) => code !== 'WORK_PERMIT_PROOF');
    const assessment = assessTitleEvaluation({ materials, sharedResults: ['WORK_PERMIT'] });
    expect(assessment.materials.find((material) => material.code === 'WORK_PERMIT_PROOF')).toMatchObject({ status: 'shared' });
    expect(assessment.missing).toEqual([]);
  });

  it('refuses a catalogue without the professional title item', () => {
    const catalogue = getCatalogue();
    const without: Catalogue = { ...catalogue, items: catalogue.items.filter((item) => item.code !== 'PROFESSIONAL_TITLE') };
    expect(() => assessTitleEvaluation({ materials: [] }, without)).toThrow(expect.objectContaining({ code: SocialSecurityErrorCode.CatalogueItemMissing }));
  });
});
