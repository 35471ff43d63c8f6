import type { CaseFacts, ItemPolicy, ItemResultView, RuleFinding } from '@work-permit/agency-review';
import type { CatalogueParameters } from '@work-permit/catalogue';
import {
  assessResidencePermit,
  type ResidencePermitAssessment,
  type ResidencePermitFinding,
  type ResidencePermitRule,
  residenceFeeFromParameters,
  residencePermitNumber,
} from './domain';
import { heldResidencePermitOf, residencePermitApplicationOf } from './residence-permit-application.mapping';

const WORK_PERMIT = 'WORK_PERMIT';

// Only a failed rule that a newer document can answer is worth a supplement request rather than a rejection.
const ANSWERED_BY: Partial<Record<ResidencePermitRule, string>> = { health_certificate: 'HEALTH_CERTIFICATE' };

/**
 * The work-type residence permit (issue, change, extension), once the work permit is granted in the
 * case or held. An issue or an extension grants a new permit numbered for the case, valid within the
 * work permit and the passport, with its fee; a change re-registers the permit held, keeping its
 * number and end.
 */
export const residencePermitPolicy: ItemPolicy = {
  code: 'RESIDENCE_PERMIT',

  assess(facts, { action, parameters, prerequisites, today }) {
    const application = residencePermitApplicationOf(facts, action, prerequisites.get(WORK_PERMIT));
    const assessment = assessResidencePermit(application, parameters, { today });
    const findings = assessment.findings.map(withAnsweringMaterial);
    const result = application.action === 'change' ? heldResidencePermitOf(facts.body) : newPermit(facts, assessment, parameters);
    return result ? { findings, flags: [], result } : { findings, flags: [] };
  },
};

/** The permit an issue or an extension grants; none when no valid period is left (the validity finding says why). */
function newPermit(facts: CaseFacts, { validity }: ResidencePermitAssessment, parameters: CatalogueParameters): ItemResultView | undefined {
  if (validity === undefined || validity.refused) return undefined;
  const { validFrom, validTo } = validity;
  return { permitNo: residencePermitNumber(facts.caseId), validFrom, validTo, feeCny: residenceFeeFromParameters(validFrom, validTo, parameters) };
}

function withAnsweringMaterial(finding: ResidencePermitFinding): RuleFinding {
  const material = ANSWERED_BY[finding.rule];
  return finding.passed || material === undefined ? finding : { ...finding, material };
}
