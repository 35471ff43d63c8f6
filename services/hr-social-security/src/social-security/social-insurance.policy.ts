import type { AssessmentContext, CaseFacts, ItemAssessment, ItemPolicy, RuleFinding } from '@work-permit/agency-review';
import { type CatalogueParameters, message } from '@work-permit/catalogue';
import { type Insurance, INSURANCES, type InsuranceCoverage, insuranceCoverage, personsSocialSecurityNumber, registrationDeadline, type SocialSecurityNumberSource } from './domain';
import { declaredSocialSecurityNo } from './social-security-holdings';
import { grantedWorkPermit, type WorkPermit, workPermitInForce } from './work-permit.prerequisite';

const COVERAGE_CERTIFICATE = 'SOCIAL_SECURITY_COVERAGE_CERTIFICATE';

/**
 * Social insurance registration: the five insurances by nationality and its agreement's own list, the
 * registration deadline and the person's social security number (the one they already have, or one
 * assigned now; a number declared from elsewhere is flagged for an officer to confirm). Result:
 * `{ socialSecurityNo, attributes: { 'insurance.pension': 'exempt' | 'covered', … } }`.
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
    const person = personsSocialSecurityNumber(facts.applicantId, nationality, declaredSocialSecurityNo(facts.body));
    const findings: RuleFinding[] = [inForce, coverageFinding(coverage, nationality)];
    if (exemptions(agreement).length > 0) findings.push(certificateFinding(agreement, certificateOnFile, nationality));
    findings.push(deadlineFinding(permit, context.parameters), numberFinding(person));
    return {
      findings,
      flags: person.source === 'declared' ? ['social_security_no_declared'] : [],
      result: inForce.passed ? { socialSecurityNo: person.number, attributes: coverageAttributes(coverage) } : undefined,
    };
  },
};

function coverAll(): InsuranceCoverage {
  return Object.fromEntries(INSURANCES.map((insurance) => [insurance, 'required'])) as InsuranceCoverage;
}

function exemptions(coverage: InsuranceCoverage): Insurance[] {
  return INSURANCES.filter((insurance) => coverage[insurance] === 'exempt_by_agreement');
}

function coverageAttributes(coverage: InsuranceCoverage): Record<string, string> {
  return Object.fromEntries(INSURANCES.map((insurance) => [`insurance.${insurance}`, coverage[insurance] === 'exempt_by_agreement' ? 'exempt' : 'covered']));
}

function coverageFinding(coverage: InsuranceCoverage, nationality: string): RuleFinding {
  const covered: Insurance[] = INSURANCES.filter((insurance) => coverage[insurance] === 'required');
  const exempt = exemptions(coverage);
  return {
    rule: 'insurance_coverage',
    passed: true,
    message: exempt.length === 0 ? message('social_security.coverage.all', { covered }) : message('social_security.coverage.exempt', { covered, exempt, nationality }),
  };
}

function certificateFinding(agreement: InsuranceCoverage, onFile: boolean, nationality: string): RuleFinding {
  return {
    rule: 'agreement_coverage_certificate',
    passed: onFile,
    message: onFile
      ? message('social_security.certificate.on_file', { nationality })
      : message('social_security.certificate.missing', { nationality, exempt: exemptions(agreement) }),
    ...(onFile ? {} : { material: COVERAGE_CERTIFICATE }),
  };
}

const NUMBER_MESSAGES = {
  assigned: 'social_security.number.assigned',
  kept: 'social_security.number.kept',
  declared: 'social_security.number.declared',
} as const satisfies Record<SocialSecurityNumberSource, string>;

function numberFinding({ number, source }: { number: string; source: SocialSecurityNumberSource }): RuleFinding {
  return { rule: 'social_security_number', passed: true, message: message(NUMBER_MESSAGES[source], { number }) };
}

// Informative, never failed: the employer filed with the case, before the permit existed, and a late
// registration is the employer's fault to be penalised, not a ground to leave the employee uninsured.
function deadlineFinding(permit: WorkPermit, parameters: CatalogueParameters): RuleFinding {
  const days = parameters.socialInsurance.registerWithinDaysOfPermit;
  const { permitNo, validFrom } = permit;
  return {
    rule: 'registration_deadline',
    passed: true,
    message:
      validFrom === undefined
        ? message('social_security.deadline.unknown_start', { days, permitNo })
        : message('social_security.deadline.due', { deadline: registrationDeadline(validFrom, parameters), days, permitNo, validFrom }),
  };
}
