import type { AssessmentContext } from '@work-permit/agency-review';
import { exampleCaseFacts, grantedOutcomes } from '@work-permit/agency-review/testing';
import { getCatalogue } from '@work-permit/catalogue';
import { professionalTitlePolicy } from './professional-title.policy';

const context: AssessmentContext = {
  today: '2026-12-07',
  parameters: getCatalogue().parameters,
  action: 'apply',
  prerequisites: grantedOutcomes({ WORK_PERMIT: { permitNo: '137100202600345', validFrom: '2026-12-07', validTo: '2028-12-06', category: 'B', points: 72 } }),
};

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
    expect(assessment.findings.find((f) => f.rule === 'evaluation_material_work_permit_proof')?.message).toContain('data sharing');
  });

  it('names each missing material so the officer can ask for it', () => {
    const facts = exampleCaseFacts();
    const incomplete = { ...facts, materials: facts.materials.filter((m) => m.code !== 'HIGHEST_DEGREE' && m.code !== 'ACHIEVEMENT_EVIDENCE') };

    const failed = professionalTitlePolicy.assess(incomplete, context).findings.filter((f) => !f.passed);

    expect(failed).toEqual([
      expect.objectContaining({ material: 'HIGHEST_DEGREE', message: expect.stringContaining('degree') }),
      expect.objectContaining({ material: 'ACHIEVEMENT_EVIDENCE', message: expect.stringContaining('Evidence of professional achievements') }),
    ]);
  });

  it('produces the series and level applied for on the form', () => {
    const facts = exampleCaseFacts({ patch: { 'title.series': 'Economics: finance', 'title.level': 'associate-senior' } });

    expect(professionalTitlePolicy.assess(facts, context).result).toEqual({ attributes: { series: 'Economics: finance', level: 'associate-senior' } });
  });

  it('leaves the decision to the officer by configuration, adding no flag of its own', () => {
    expect(professionalTitlePolicy.assess(exampleCaseFacts(), context).flags).toEqual([]);
  });
});
