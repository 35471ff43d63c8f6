import { type Catalogue, getCatalogue, localize, message } from '@work-permit/catalogue';
import { SocialSecurityErrorCode } from './social-security.exception';
import { assessTitleEvaluation } from './title-evaluation-assessment.rules';

const ALL_UPLOADED = ['SIGNED_APPLICATION_FORM', 'PASSPORT', 'WORK_PERMIT_PROOF', 'HIGHEST_DEGREE', 'EMPLOYER_RECOMMENDATION', 'ACHIEVEMENT_EVIDENCE'].map((code) => ({ code }));

describe(assessTitleEvaluation.name, () => {
  it('is manual even with every material present', () => {
    expect(assessTitleEvaluation({ materials: ALL_UPLOADED })).toMatchObject({ decision: 'manual', reason: message('social_security.title.committee'), missing: [] });
    expect(localize(assessTitleEvaluation({ materials: ALL_UPLOADED }).reason)).toEqual({
      zh: '职称评审由专家评审委员会决定。',
      en: 'Professional title evaluation is decided by an expert evaluation committee.',
    });
  });

  it('lists every material the committee needs from the catalogue, each present', () => {
    expect(assessTitleEvaluation({ materials: ALL_UPLOADED }).materials).toEqual([
      { code: 'SIGNED_APPLICATION_FORM', status: 'present' },
      { code: 'PASSPORT', status: 'present' },
      { code: 'WORK_PERMIT_PROOF', status: 'present' },
      { code: 'HIGHEST_DEGREE', status: 'present' },
      { code: 'EMPLOYER_RECOMMENDATION', status: 'present' },
      { code: 'ACHIEVEMENT_EVIDENCE', status: 'present' },
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
    expect(() => assessTitleEvaluation({ materials: [] }, without)).toThrow(
      expect.objectContaining({
        code: SocialSecurityErrorCode.CatalogueItemMissing,
        reason: message('social_security.input.title_action_missing', { version: catalogue.version, item: 'PROFESSIONAL_TITLE' }),
      }),
    );
  });
});
