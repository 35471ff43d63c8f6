import type { AssessmentContext, CaseFacts, ItemAssessment, ItemPolicy, RuleFinding } from '@work-permit/agency-review';
import type { CatalogueParameters } from '@work-permit/catalogue';
import { INSURANCES, type InsuranceCoverage, insuranceCoverage, registrationDeadline, socialSecurityNumber } from './domain';
import { grantedWorkPermit, type WorkPermit, workPermitInForce } from './work-permit.prerequisite';

const COVERAGE_CERTIFICATE = 'SOCIAL_SECURITY_COVERAGE_CERTIFICATE';

/**
 * Social insurance registration: the five insurances by nationality, the registration deadline and
 * the person's social security number. Result: `{ socialSecurityNo, attributes: { 'insurance.pension':
 * 'exempt' | 'covered', … } }`.
 */
export const socialInsurancePolicy: ItemPolicy = {
  code: 'SOCIAL_INSURANCE',

  assess(facts: CaseFacts, context: AssessmentContext): ItemAssessment {
    const permit = grantedWorkPermit(context);
    const inForce = workPermitInForce(permit, context.today);
    const { nationality } = facts.body.applicant;
    const agreement = insuranceCoverage(nationality, context.parameters);
    const certificateOnFile = facts.materials.some((material) => material.code === COVERAGE_CERTIFICATE);
    // The agreement only allows the exemption; it stands on the certificate. Without it on file the
    // employee joins every insurance, so that a grant never leaves an uncovered insurance unproven.
    const coverage = certificateOnFile ? agreement : coverAll();
    const findings: RuleFinding[] = [inForce, coverageFinding(coverage, nationality)];
    if (exemptions(agreement).length > 0) findings.push(certificateFinding(agreement, certificateOnFile, nationality));
    findings.push(deadlineFinding(permit, context.parameters));
    return {
      findings,
      flags: [],
      result: inForce.passed ? { socialSecurityNo: socialSecurityNumber(facts.applicantId, nationality), attributes: coverageAttributes(coverage) } : undefined,
    };
  },
};

function coverAll(): InsuranceCoverage {
  return Object.fromEntries(INSURANCES.map((insurance) => [insurance, 'required'])) as InsuranceCoverage;
}

function exemptions(coverage: InsuranceCoverage): string[] {
  return INSURANCES.filter((insurance) => coverage[insurance] === 'exempt_by_agreement');
}

function coverageAttributes(coverage: InsuranceCoverage): Record<string, string> {
  return Object.fromEntries(INSURANCES.map((insurance) => [`insurance.${insurance}`, coverage[insurance] === 'exempt_by_agreement' ? 'exempt' : 'covered']));
}

function coverageFinding(coverage: InsuranceCoverage, nationality: string): RuleFinding {
  const covered = INSURANCES.filter((insurance) => coverage[insurance] === 'required');
  const exempt = exemptions(coverage);
  return {
    rule: 'insurance_coverage',
    passed: true,
    message:
      exempt.length === 0
        ? `Joins every insurance: ${words(covered)}.`
        : `Joins ${words(covered)}; exempt from ${words(exempt)} under the social security agreement with ${nationality}.`,
  };
}

function certificateFinding(agreement: InsuranceCoverage, onFile: boolean, nationality: string): RuleFinding {
  return {
    rule: 'agreement_coverage_certificate',
    passed: onFile,
    message: onFile
      ? `The certificate of coverage under the agreement with ${nationality} is on file.`
      : `The agreement with ${nationality} exempts ${words(exemptions(agreement))} only on a certificate of coverage, which is not on file; without it the employee joins every insurance.`,
    ...(onFile ? {} : { material: COVERAGE_CERTIFICATE }),
  };
}

// Informative, never failed: the employer filed with the case, before the permit existed, and a late
// registration is the employer's fault to be penalised, not a ground to leave the employee uninsured.
function deadlineFinding(permit: WorkPermit, parameters: CatalogueParameters): RuleFinding {
  const days = parameters.socialInsurance.registerWithinDaysOfPermit;
  if (permit.validFrom === undefined) {
    return {
      rule: 'registration_deadline',
      passed: true,
      message: `Registration is due within ${days} days of the start of work permit ${permit.permitNo}, which the form does not give.`,
    };
  }
  const deadline = registrationDeadline(permit.validFrom, parameters);
  return {
    rule: 'registration_deadline',
    passed: true,
    message: `Registration is due by ${deadline}, ${days} days from the start of work permit ${permit.permitNo} on ${permit.validFrom}.`,
  };
}

function words(insurances: readonly string[]): string {
  return insurances.map((insurance) => insurance.replaceAll('_', ' ')).join(', ');
}
