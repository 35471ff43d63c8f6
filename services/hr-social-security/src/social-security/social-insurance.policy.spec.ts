import type { AssessmentContext, PrerequisiteOutcome } from '@work-permit/agency-review';
import { exampleCaseFacts as exampleCase, grantedOutcomes } from '@work-permit/agency-review/testing';
import { type CatalogueParameters, getCatalogue, localize, message } from '@work-permit/catalogue';
import { SocialSecurityError, SocialSecurityErrorCode } from './domain';
import { socialInsurancePolicy } from './social-insurance.policy';

/** The example case of a person who declares no social security number of their own (the form's example is one from elsewhere). */
function exampleCaseFacts(options: Parameters<typeof exampleCase>[0] = {}): ReturnType<typeof exampleCase> {
  return exampleCase({ ...options, patch: { 'holdings.socialSecurityNo': undefined, ...options.patch } });
}

const parameters = getCatalogue().parameters;
const DECIDED_PERMIT = { permitNo: '137100202600345', validFrom: '2026-12-07', validTo: '2028-12-06', category: 'B', points: 72 };

function context(overrides: { parameters?: CatalogueParameters; prerequisites?: ReadonlyMap<string, PrerequisiteOutcome> } = {}): AssessmentContext {
  return {
    today: '2026-12-07',
    parameters: overrides.parameters ?? parameters,
    action: 'apply',
    prerequisites: overrides.prerequisites ?? grantedOutcomes({ WORK_PERMIT: DECIDED_PERMIT }),
  };
}

function heldPermit(validTo: string): Map<string, PrerequisiteOutcome> {
  return new Map([['WORK_PERMIT', { code: 'WORK_PERMIT', status: 'granted', held: true, result: { permitNo: '137100202600012', validTo } }]]);
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

const finding = (rule: string, assessment: ReturnType<typeof socialInsurancePolicy.assess>) => assessment.findings.find((f) => f.rule === rule);

describe('socialInsurancePolicy', () => {
  it('exempts a national of an agreement country from the insurances the agreement covers', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts({ patch: { 'applicant.nationality': 'DEU' } }), context());

    expect(assessment.result?.attributes).toEqual({
      'insurance.pension': 'exempt',
      'insurance.medical': 'covered',
      'insurance.work_injury': 'covered',
      'insurance.unemployment': 'exempt',
      'insurance.maternity': 'covered',
    });
    expect(assessment.findings.every((f) => f.passed)).toBe(true);
    expect(assessment.flags).toEqual([]);
    expect(finding('insurance_coverage', assessment)?.message).toEqual(
      message('social_security.coverage.exempt', { covered: ['medical', 'work_injury', 'maternity'], exempt: ['pension', 'unemployment'], nationality: 'DEU' }),
    );
    expect(localize(finding('agreement_coverage_certificate', assessment)!.message)).toEqual({
      zh: '已提交与德国社会保障协定的参保证明。',
      en: 'The certificate of coverage under the agreement with Germany is on file.',
    });
  });

  it('covers a national of a country without an agreement for every insurance', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts({ patch: { 'applicant.nationality': 'USA' } }), context());

    expect(assessment.result?.attributes).toEqual({
      'insurance.pension': 'covered',
      'insurance.medical': 'covered',
      'insurance.work_injury': 'covered',
      'insurance.unemployment': 'covered',
      'insurance.maternity': 'covered',
    });
    expect(finding('agreement_coverage_certificate', assessment)).toBeUndefined();
    expect(localize(finding('insurance_coverage', assessment)!.message)).toEqual({
      zh: '参加全部险种：基本养老保险、基本医疗保险、工伤保险、失业保险、生育保险。',
      en: 'Joins every insurance: pension insurance, medical insurance, work-injury insurance, unemployment insurance, maternity insurance.',
    });
  });

  it('follows each agreement’s own list: a Korean national is exempt from pension insurance only', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts({ patch: { 'applicant.nationality': 'KOR' } }), context());

    expect(assessment.result?.attributes).toEqual({
      'insurance.pension': 'exempt',
      'insurance.medical': 'covered',
      'insurance.work_injury': 'covered',
      'insurance.unemployment': 'covered',
      'insurance.maternity': 'covered',
    });
    expect(localize(finding('insurance_coverage', assessment)!.message)).toEqual({
      zh: '参加基本医疗保险、工伤保险、失业保险、生育保险；按与韩国的社会保障协定免除基本养老保险。',
      en: 'Joins medical insurance, work-injury insurance, unemployment insurance, maternity insurance; exempt from pension insurance under the social security agreement with South Korea.',
    });
  });

  it('reads the agreements from the parameters', () => {
    const withUsa = { ...parameters, socialInsurance: { ...parameters.socialInsurance, agreements: { USA: { exempt: ['pension', 'unemployment'] as const } } } };
    const facts = exampleCaseFacts({ patch: { 'applicant.nationality': 'USA' } });

    expect(socialInsurancePolicy.assess(facts, context({ parameters: withUsa })).result?.attributes).toMatchObject({
      'insurance.pension': 'exempt',
      'insurance.unemployment': 'exempt',
    });
  });

  it('asks an agreement national without the coverage certificate for it, and covers every insurance meanwhile', () => {
    const facts = exampleCaseFacts({ patch: { 'applicant.nationality': 'DEU' } });
    const withoutCertificate = { ...facts, materials: facts.materials.filter((m) => m.code !== 'SOCIAL_SECURITY_COVERAGE_CERTIFICATE') };

    const assessment = socialInsurancePolicy.assess(withoutCertificate, context());

    expect(finding('agreement_coverage_certificate', assessment)).toMatchObject({ passed: false, material: 'SOCIAL_SECURITY_COVERAGE_CERTIFICATE' });
    expect(localize(finding('agreement_coverage_certificate', assessment)!.message)).toEqual({
      zh: '与德国的协定仅凭参保证明免除基本养老保险、失业保险，未提交该证明；提交前参加全部险种。',
      en: 'The agreement with Germany exempts pension insurance, unemployment insurance only on a certificate of coverage, which is not on file; without it the employee joins every insurance.',
    });
    expect(finding('insurance_coverage', assessment)?.message).toMatchObject({ code: 'social_security.coverage.all' });
    expect(Object.values(assessment.result?.attributes ?? {})).toEqual(['covered', 'covered', 'covered', 'covered', 'covered']);
  });

  it('gives the same applicant the same social security number in two cases', () => {
    const first = socialInsurancePolicy.assess(exampleCaseFacts({ caseId: '11111111-1111-4111-8111-111111111111' }), context());
    const second = socialInsurancePolicy.assess(exampleCaseFacts({ caseId: '22222222-2222-4222-8222-222222222222' }), context());

    expect(first.result?.socialSecurityNo).toMatch(/^DEU-371000-[0-9A-F]{16}$/);
    expect(second.result?.socialSecurityNo).toBe(first.result?.socialSecurityNo);
    expect(finding('social_security_number', first)?.message).toEqual(message('social_security.number.assigned', { number: first.result!.socialSecurityNo! }));
  });

  it('keeps the number this platform assigned the person before, pre-filled from the record', () => {
    const first = socialInsurancePolicy.assess(exampleCaseFacts(), context()).result?.socialSecurityNo;
    const again = socialInsurancePolicy.assess(exampleCaseFacts({ patch: { 'holdings.socialSecurityNo': first } }), context());

    expect(again.result?.socialSecurityNo).toBe(first);
    expect(again.flags).toEqual([]);
    expect(localize(finding('social_security_number', again)!.message)).toEqual({
      zh: `沿用本人已有的社会保障号码${first}。`,
      en: `Keeps the person's social security number ${first}, assigned before.`,
    });
  });

  it('keeps a number declared from elsewhere, flagged for an officer to confirm against the national register', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts({ patch: { 'holdings.socialSecurityNo': 'DEU-370200-0000000000000001' } }), context());

    expect(assessment.result?.socialSecurityNo).toBe('DEU-370200-0000000000000001');
    expect(assessment.flags).toEqual(['social_security_no_declared']);
    expect(finding('social_security_number', assessment)?.message).toEqual(message('social_security.number.declared', { number: 'DEU-370200-0000000000000001' }));
    expect(localize(finding('social_security_number', assessment)!.message).zh).toBe(
      '申请表填报的社会保障号码DEU-370200-0000000000000001并非本平台为本人分配的号码，须经工作人员在全国社会保险信息系统中核实。',
    );
  });

  it('gives another applicant another number', () => {
    const facts = exampleCaseFacts();
    const other = { ...facts, applicantId: 'applicant-FRA-other' };

    expect(socialInsurancePolicy.assess(other, context()).result?.socialSecurityNo).not.toBe(socialInsurancePolicy.assess(facts, context()).result?.socialSecurityNo);
  });

  it('states the registration deadline counted from the start of the work permit', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts(), context());

    expect(finding('registration_deadline', assessment)).toMatchObject({
      passed: true,
      message: message('social_security.deadline.due', { deadline: '2027-01-06', days: 30, permitNo: '137100202600345', validFrom: '2026-12-07' }),
    });
    expect(localize(finding('registration_deadline', assessment)!.message)).toEqual({
      zh: '应于2027-01-06前办理登记，即自工作许可137100202600345起始日2026-12-07起30日内。',
      en: 'Registration is due by 2027-01-06, 30 days from the start of work permit 137100202600345 on 2026-12-07.',
    });
  });

  it('reads the registration window from the parameters', () => {
    const shorter = { ...parameters, socialInsurance: { ...parameters.socialInsurance, registerWithinDaysOfPermit: 10 } };

    expect(finding('registration_deadline', socialInsurancePolicy.assess(exampleCaseFacts(), context({ parameters: shorter })))?.message).toMatchObject({
      code: 'social_security.deadline.due',
      params: { deadline: '2026-12-17', days: 10 },
    });
  });

  it('registers the holder of a work permit from before the case, whose start the form does not give', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts(), context({ prerequisites: heldPermit('2027-02-28') }));

    expect(finding('registration_deadline', assessment)).toMatchObject({ passed: true, message: message('social_security.deadline.unknown_start', { days: 30, permitNo: '137100202600012' }) });
    expect(localize(finding('registration_deadline', assessment)!.message)).toEqual({
      zh: '应自工作许可137100202600012起始之日起30日内办理登记，申请表未填写其起始日期。',
      en: 'Registration is due within 30 days of the start of work permit 137100202600012, which the form does not give.',
    });
    expect(assessment.result?.socialSecurityNo).toMatch(/^DEU-371000-/);
  });

  it('does not register the holder of a work permit that has lapsed', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts(), context({ prerequisites: heldPermit('2026-12-06') }));

    expect(finding('work_permit_in_force', assessment)).toMatchObject({ passed: false });
    expect(localize(finding('work_permit_in_force', assessment)!.message)).toEqual({
      zh: '工作许可137100202600012已于2026-12-06到期；本局仅为持有效工作许可的外国人办理。',
      en: 'Work permit 137100202600012 expired on 2026-12-06; the bureau acts only for a foreigner with a work permit in force.',
    });
    expect(assessment.result).toBeUndefined();
  });

  it('states that a work permit decided in the case is in force', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts(), context());

    expect(finding('work_permit_in_force', assessment)).toMatchObject({
      passed: true,
      message: message('social_security.work_permit.in_force', { permitNo: '137100202600345', validTo: '2028-12-06' }),
    });
  });

  it('cannot assess without a granted work permit, and says why in both languages', () => {
    const rejected = new Map<string, PrerequisiteOutcome>([['WORK_PERMIT', { code: 'WORK_PERMIT', status: 'rejected', result: {} }]]);

    const error = thrownBy(() => socialInsurancePolicy.assess(exampleCaseFacts(), context({ prerequisites: rejected })));

    expect(error).toBeInstanceOf(SocialSecurityError);
    expect(error).toMatchObject({ code: SocialSecurityErrorCode.InvalidArgument, reason: message('social_security.input.prerequisite_not_granted', { item: 'WORK_PERMIT', status: 'rejected' }) });
    expect(localize((error as SocialSecurityError).reason)).toEqual({
      zh: '前置事项外国人来华工作许可未获批准（未予批准）',
      en: 'the prerequisite Work permit for foreigners working in China is not granted (rejected)',
    });
  });
});
