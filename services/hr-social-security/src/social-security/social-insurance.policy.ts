import { type AssessmentContext, bilingual, type CaseFacts, type ItemAssessment, type ItemPolicy, type RuleFinding } from '@work-permit/agency-review';
import { type CatalogueParameters, type Localized, SOCIAL_INSURANCE_NAMES } from '@work-permit/catalogue';
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
    message: bilingual(
      exempt.length === 0
        ? { zh: `参加全部险种：${names(covered, 'zh')}`, en: `Joins every insurance: ${names(covered, 'en')}.` }
        : {
            zh: `参加${names(covered, 'zh')}；按与${nationality}的社会保障协定免除${names(exempt, 'zh')}`,
            en: `Joins ${names(covered, 'en')}; exempt from ${names(exempt, 'en')} under the social security agreement with ${nationality}.`,
          },
    ),
  };
}

function certificateFinding(agreement: InsuranceCoverage, onFile: boolean, nationality: string): RuleFinding {
  const exempt = exemptions(agreement);
  return {
    rule: 'agreement_coverage_certificate',
    passed: onFile,
    message: bilingual(
      onFile
        ? { zh: `已提交与${nationality}社会保障协定的参保证明`, en: `The certificate of coverage under the agreement with ${nationality} is on file.` }
        : {
            zh: `与${nationality}的协定仅凭参保证明免除${names(exempt, 'zh')}，未提交该证明；提交前参加全部险种`,
            en: `The agreement with ${nationality} exempts ${names(exempt, 'en')} only on a certificate of coverage, which is not on file; without it the employee joins every insurance.`,
          },
    ),
    ...(onFile ? {} : { material: COVERAGE_CERTIFICATE }),
  };
}

const NUMBER_TEXTS: Record<SocialSecurityNumberSource, (number: string) => Localized> = {
  assigned: (number) => ({ zh: `分配社会保障号码${number}，此后始终属于本人`, en: `Assigns the social security number ${number}, the person's from now on.` }),
  kept: (number) => ({ zh: `沿用本人已有的社会保障号码${number}`, en: `Keeps the person's social security number ${number}, assigned before.` }),
  declared: (number) => ({
    zh: `申请表填报的社会保障号码${number}并非本平台为本人分配的号码，须经工作人员在全国社会保险信息系统中核实`,
    en: `The social security number ${number} the form gives is not one this platform assigned the person; an officer confirms it against the national register.`,
  }),
};

function numberFinding({ number, source }: { number: string; source: SocialSecurityNumberSource }): RuleFinding {
  return { rule: 'social_security_number', passed: true, message: bilingual(NUMBER_TEXTS[source](number)) };
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

function names(insurances: readonly Insurance[], lang: keyof Localized): string {
  return insurances.map((insurance) => SOCIAL_INSURANCE_NAMES[insurance][lang]).join(lang === 'zh' ? '、' : ', ');
}
