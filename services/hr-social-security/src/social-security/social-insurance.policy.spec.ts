import type { AssessmentContext, PrerequisiteOutcome } from '@work-permit/agency-review';
import { exampleCaseFacts as exampleCase, grantedOutcomes } from '@work-permit/agency-review/testing';
import { type CatalogueParameters, getCatalogue } from '@work-permit/catalogue';
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
    expect(finding('insurance_coverage', assessment)?.message).toContain('免除基本养老保险');
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
    expect(Object.values(assessment.result?.attributes ?? {})).toEqual(['covered', 'covered', 'covered', 'covered', 'covered']);
  });

  it('gives the same applicant the same social security number in two cases', () => {
    const first = socialInsurancePolicy.assess(exampleCaseFacts({ caseId: '11111111-1111-4111-8111-111111111111' }), context());
    const second = socialInsurancePolicy.assess(exampleCaseFacts({ caseId: '22222222-2222-4222-8222-222222222222' }), context());

    expect(first.result?.socialSecurityNo).toMatch(/^DEU-371000-[0-9A-F]{16}$/);
    expect(second.result?.socialSecurityNo).toBe(first.result?.socialSecurityNo);
  });

  it('keeps the number this platform assigned the person before, pre-filled from the record', () => {
    const first = socialInsurancePolicy.assess(exampleCaseFacts(), context()).result?.socialSecurityNo;
    const again = socialInsurancePolicy.assess(exampleCaseFacts({ patch: { 'holdings.socialSecurityNo': first } }), context());

    expect(again.result?.socialSecurityNo).toBe(first);
    expect(again.flags).toEqual([]);
    expect(finding('social_security_number', again)?.message).toContain('沿用本人已有的社会保障号码');
  });

  it('keeps a number declared from elsewhere, flagged for an officer to confirm against the national register', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts({ patch: { 'holdings.socialSecurityNo': 'DEU-370200-0000000000000001' } }), context());

    expect(assessment.result?.socialSecurityNo).toBe('DEU-370200-0000000000000001');
    expect(assessment.flags).toEqual(['social_security_no_declared']);
  });

  it('gives another applicant another number', () => {
    const facts = exampleCaseFacts();
    const other = { ...facts, applicantId: 'applicant-FRA-other' };

    expect(socialInsurancePolicy.assess(other, context()).result?.socialSecurityNo).not.toBe(socialInsurancePolicy.assess(facts, context()).result?.socialSecurityNo);
  });

  it('states the registration deadline counted from the start of the work permit', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts(), context());

    expect(finding('registration_deadline', assessment)).toMatchObject({ passed: true, message: expect.stringContaining('2027-01-06') });
  });

  it('reads the registration window from the parameters', () => {
    const shorter = { ...parameters, socialInsurance: { ...parameters.socialInsurance, registerWithinDaysOfPermit: 10 } };

    expect(finding('registration_deadline', socialInsurancePolicy.assess(exampleCaseFacts(), context({ parameters: shorter })))?.message).toContain('2026-12-17');
  });

  it('registers the holder of a work permit from before the case, whose start the form does not give', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts(), context({ prerequisites: heldPermit('2027-02-28') }));

    expect(finding('registration_deadline', assessment)).toMatchObject({ passed: true, message: expect.stringContaining('does not give') });
    expect(assessment.result?.socialSecurityNo).toMatch(/^DEU-371000-/);
  });

  it('does not register the holder of a work permit that has lapsed', () => {
    const assessment = socialInsurancePolicy.assess(exampleCaseFacts(), context({ prerequisites: heldPermit('2026-12-06') }));

    expect(finding('work_permit_in_force', assessment)).toMatchObject({ passed: false });
    expect(assessment.result).toBeUndefined();
  });
});
