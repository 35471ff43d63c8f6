import type { AssessmentContext } from '@work-permit/agency-review';
import { exampleCaseFacts, grantedOutcomes } from '@work-permit/agency-review/testing';
import { getCatalogue, localize, message } from '@work-permit/catalogue';
import { professionalTitlePolicy } from './professional-title.policy';

const context: AssessmentContext = {
  today: '2026-12-07',
  parameters: getCatalogue().parameters,
  action: 'apply',
  prerequisites: grantedOutcomes({ WORK_PERMIT: { permitNo: '137100202600345', validFrom: '2026-12-07', validTo: '2028-12-06', category: 'B', points: 72 } }),
};

const materialZh = (code: string) => getCatalogue().materials.find((material) => material.code === code)?.name.zh;

describe('professionalTitlePolicy', () => {
  it('finds every material the committee needs on file, the work permit proof shared', () => {
    const assessment = professionalTitlePolicy.assess(exampleCaseFacts(), context);

    expect(assessment.findings.every((f) => f.passed)).toBe(true);
    expect(assessment.findings.map((f) => f.rule)).toEqual([
      'work_permit_in_force',
      'evaluation_material_signed_application_form',
      'evaluation_material_passport',
      'evaluation_material_work_permit_proof',
      'evaluation_material_highest_degree',
      'evaluation_material_employer_recommendation',
      'evaluation_material_achievement_evidence',
    ]);
    expect(assessment.findings.find((f) => f.rule === 'evaluation_material_work_permit_proof')?.message).toEqual(
      message('social_security.title_material.shared', { material: 'WORK_PERMIT_PROOF' }),
    );
    expect(assessment.findings.find((f) => f.rule === 'evaluation_material_passport')?.message).toEqual(message('social_security.title_material.present', { material: 'PASSPORT' }));
    expect(localize(assessment.findings.find((f) => f.rule === 'evaluation_material_work_permit_proof')!.message)).toEqual({
      zh: expect.stringMatching(/：通过数据共享取自工作许可。$/),
      en: expect.stringMatching(/: taken from the work permit by data sharing\.$/),
    });
  });

  it('names each missing material so the officer can ask for it', () => {
    const facts = exampleCaseFacts();
    const incomplete = { ...facts, materials: facts.materials.filter((m) => m.code !== 'HIGHEST_DEGREE' && m.code !== 'ACHIEVEMENT_EVIDENCE') };

    const failed = professionalTitlePolicy.assess(incomplete, context).findings.filter((f) => !f.passed);

    expect(failed).toEqual([
      expect.objectContaining({ material: 'HIGHEST_DEGREE', message: message('social_security.title_material.missing', { material: 'HIGHEST_DEGREE' }) }),
      expect.objectContaining({ material: 'ACHIEVEMENT_EVIDENCE', message: message('social_security.title_material.missing', { material: 'ACHIEVEMENT_EVIDENCE' }) }),
    ]);
    expect(localize(failed[1].message)).toEqual({
      zh: `${materialZh('ACHIEVEMENT_EVIDENCE')}：缺少；评审委员会需要该材料。`,
      en: 'Evidence of professional achievements: missing; the evaluation committee needs it.',
    });
  });

  it('produces the series and level applied for on the form', () => {
    const facts = exampleCaseFacts({ patch: { 'title.series': 'Economics: finance', 'title.level': 'associate-senior' } });

    expect(professionalTitlePolicy.assess(facts, context).result).toEqual({ attributes: { series: 'Economics: finance', level: 'associate-senior' } });
  });

  it('cannot assess a form without the title applied for, and names the field in both languages', () => {
    const facts = exampleCaseFacts({ patch: { 'title.series': ' ' } });

    expect(() => professionalTitlePolicy.assess(facts, context)).toThrow(expect.objectContaining({ reason: message('social_security.input.required', { field: 'title.series' }) }));
    expect(localize(message('social_security.input.required', { field: 'title.series' }))).toEqual({ zh: '申报职称系列及专业为必填项', en: 'Title series and speciality is required' });
  });

  it('leaves the decision to the officer by configuration, adding no flag of its own', () => {
    expect(professionalTitlePolicy.assess(exampleCaseFacts(), context).flags).toEqual([]);
  });
});
