import type { AssessmentContext, PrerequisiteOutcome } from '@work-permit/agency-review';
import { exampleCaseFacts as exampleCase, FIVE_ITEMS, grantedOutcomes } from '@work-permit/agency-review/testing';
import { getCatalogue, localize, message } from '@work-permit/catalogue';
import { eSocialSecurityCardPolicy } from './e-social-security-card.policy';
import { socialInsurancePolicy } from './social-insurance.policy';

/** The example case of a person who declares no social security number of their own (the form's example is one from elsewhere). */
function exampleCaseFacts(options: Parameters<typeof exampleCase>[0] = {}): ReturnType<typeof exampleCase> {
  return exampleCase({ ...options, patch: { 'holdings.socialSecurityNo': undefined, ...options.patch } });
}

const DECIDED_PERMIT = { permitNo: '137100202600345', validFrom: '2026-12-07', validTo: '2028-12-06', category: 'B', points: 72 };

function context(prerequisites: ReadonlyMap<string, PrerequisiteOutcome> = grantedOutcomes({ WORK_PERMIT: DECIDED_PERMIT })): AssessmentContext {
  return { today: '2026-12-07', parameters: getCatalogue().parameters, action: 'apply', prerequisites };
}

function heldPermit(validTo: string): Map<string, PrerequisiteOutcome> {
  return new Map([['WORK_PERMIT', { code: 'WORK_PERMIT', status: 'granted', held: true, result: { permitNo: '137100202600012', validTo } }]]);
}

describe('eSocialSecurityCardPolicy', () => {
  it('carries the number and validity of a work permit decided in the case, with the person’s social security number', () => {
    const facts = exampleCaseFacts();

    const assessment = eSocialSecurityCardPolicy.assess(facts, context());

    expect(assessment.result).toEqual({
      socialSecurityNo: socialInsurancePolicy.assess(facts, context()).result?.socialSecurityNo,
      permitNo: '137100202600345',
      validFrom: '2026-12-07',
      validTo: '2028-12-06',
      attributes: { 'card.registeredWith': 'social_security_no' },
    });
    expect(assessment.result?.socialSecurityNo).toMatch(/^DEU-371000-[0-9A-F]{16}$/);
    expect(assessment.findings.every((f) => f.passed)).toBe(true);
    const number = assessment.result?.socialSecurityNo;
    expect(localize(assessment.findings.find((f) => f.rule === 'card_registration')!.message)).toEqual({
      zh: `以持卡人姓名和社会保障号码${number}注册；卡内载有工作许可137100202600345。`,
      en: `Registered with the holder's name and social security number ${number}; carries work permit 137100202600345.`,
    });
  });

  it('carries the number and end of a work permit held from before the case, without a start', () => {
    const assessment = eSocialSecurityCardPolicy.assess(exampleCaseFacts(), context(heldPermit('2027-02-28')));

    expect(assessment.result).toMatchObject({ permitNo: '137100202600012', validTo: '2027-02-28' });
    expect(assessment.result).not.toHaveProperty('validFrom');
  });

  it('registers with the work permit number when the case registers no social insurance', () => {
    const items = FIVE_ITEMS.filter((item) => item.code !== 'SOCIAL_INSURANCE');

    const assessment = eSocialSecurityCardPolicy.assess(exampleCaseFacts({ items }), context());
    const result = assessment.result;

    expect(assessment.findings).toContainEqual({ rule: 'card_registration', passed: true, message: message('social_security.card.with_permit', { permitNo: '137100202600345' }) });
    expect(localize(message('social_security.card.with_permit', { permitNo: '137100202600345' })).zh).toBe('以持卡人姓名和工作许可证号137100202600345注册。');
    expect(result).not.toHaveProperty('socialSecurityNo');
    expect(result).toMatchObject({ permitNo: '137100202600345', attributes: { 'card.registeredWith': 'work_permit_no' } });
  });

  it('carries the number a registration on this platform assigned the person before, without registering insurance again', () => {
    const items = FIVE_ITEMS.filter((item) => item.code !== 'SOCIAL_INSURANCE');
    const assigned = socialInsurancePolicy.assess(exampleCaseFacts(), context()).result?.socialSecurityNo;

    const result = eSocialSecurityCardPolicy.assess(exampleCaseFacts({ items, patch: { 'holdings.socialSecurityNo': assigned } }), context()).result;

    expect(result).toMatchObject({ socialSecurityNo: assigned, attributes: { 'card.registeredWith': 'social_security_no' } });
  });

  it('registers with the work permit number while a number declared from elsewhere is unconfirmed', () => {
    const result = eSocialSecurityCardPolicy.assess(exampleCaseFacts({ patch: { 'holdings.socialSecurityNo': 'DEU-370200-0000000000000001' } }), context()).result;

    expect(result).not.toHaveProperty('socialSecurityNo');
    expect(result).toMatchObject({ attributes: { 'card.registeredWith': 'work_permit_no' } });
  });

  it('issues no card for a held work permit that has lapsed', () => {
    const assessment = eSocialSecurityCardPolicy.assess(exampleCaseFacts(), context(heldPermit('2026-12-06')));

    expect(assessment.findings).toContainEqual({
      rule: 'work_permit_in_force',
      passed: false,
      message: message('social_security.work_permit.expired', { permitNo: '137100202600012', validTo: '2026-12-06' }),
    });
    expect(assessment.result).toBeUndefined();
  });
});
