import type { AssessmentContext, CaseBody, CaseFacts, ItemAssessment, ItemPolicy, RuleFinding } from '@work-permit/agency-review';
import { getCatalogue, message } from '@work-permit/catalogue';
import { assessTitleEvaluation, type TitleMaterialCheck } from './domain';
import { assertPresent } from './domain/input-assertions';
import { grantedWorkPermit, workPermitInForce } from './work-permit.prerequisite';

/**
 * Professional title evaluation. The expert committee decides (the item is manual by configuration);
 * the policy gives the officer what the committee needs, material by material. Result:
 * `{ attributes: { series, level } }`, the title applied for.
 */
export const professionalTitlePolicy: ItemPolicy = {
  code: 'PROFESSIONAL_TITLE',

  assess(facts: CaseFacts, context: AssessmentContext): ItemAssessment {
    const permit = grantedWorkPermit(context);
    // The granted (or held) work permit is taken by data sharing and stands for its proof document.
    const evaluation = assessTitleEvaluation({ materials: facts.materials, sharedResults: ['WORK_PERMIT'] }, getCatalogue(facts.catalogueVersion));
    return {
      findings: [workPermitInForce(permit, context.today), ...evaluation.materials.map(materialFinding)],
      flags: [],
      result: { attributes: titleAppliedFor(facts.body) },
    };
  },
};

function materialFinding(check: TitleMaterialCheck): RuleFinding {
  const rule = `evaluation_material_${check.code.toLowerCase()}`;
  const params = { material: check.code };
  switch (check.status) {
    case 'present':
      return { rule, passed: true, message: message('social_security.title_material.present', params) };
    case 'shared':
      return { rule, passed: true, message: message('social_security.title_material.shared', params) };
    case 'missing':
      return { rule, passed: false, message: message('social_security.title_material.missing', params), material: check.code };
  }
}

function titleAppliedFor(body: CaseBody): { series: string; level: string } {
  const title = (body['title'] ?? {}) as { series?: unknown; level?: unknown };
  assertPresent(title.series, 'title.series');
  assertPresent(title.level, 'title.level');
  return { series: title.series, level: title.level };
}
