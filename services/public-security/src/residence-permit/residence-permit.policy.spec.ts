import type { AssessmentContext, CaseFacts, ItemResultView, PrerequisiteOutcome } from '@work-permit/agency-review';
import { exampleCaseFacts, grantedOutcomes } from '@work-permit/agency-review/testing';
import { type CatalogueParameters, getCatalogue, type ItemAction, localize } from '@work-permit/catalogue';
import { ResidencePermitErrorCode, residencePermitNumber } from './domain';
import { residencePermitPolicy } from './residence-permit.policy';

const parameters = getCatalogue().parameters;
// The example case is submitted on 2026-11-30; the residence permit is decided a week later.
const TODAY = '2026-12-07';
const ENTERED = '2026-11-20';

const WORK_PERMIT: ItemResultView = { permitNo: '137100202600012', validFrom: TODAY, validTo: '2028-02-29', category: 'B', points: 72 };

const issueCase = (patch: Record<string, unknown> = {}, caseId?: string): CaseFacts => exampleCaseFacts({ patch: { 'applicant.entryDate': ENTERED, ...patch }, caseId });

const workPermitGranted = (result: Partial<ItemResultView> = {}) => grantedOutcomes({ WORK_PERMIT: { ...WORK_PERMIT, ...result } });

const workPermitHeld = (validTo: string): Map<string, PrerequisiteOutcome> =>
  new Map([['WORK_PERMIT', { code: 'WORK_PERMIT', status: 'granted', held: true, result: { permitNo: '137100202600012', validTo } }]]);

const context = (overrides: Partial<AssessmentContext> = {}): AssessmentContext => ({
  today: TODAY,
  parameters,
  action: 'issue',
  prerequisites: workPermitGranted(),
  ...overrides,
});

const assess = (facts: CaseFacts, overrides: Partial<AssessmentContext> = {}) => residencePermitPolicy.assess(facts, context(overrides));
const findingOf = (facts: CaseFacts, rule: string, overrides: Partial<AssessmentContext> = {}) => assess(facts, overrides).findings.find((f) => f.rule === rule);

describe('residencePermitPolicy', () => {
  it('is the policy of RESIDENCE_PERMIT, with no time limit of its own', () => {
    expect(residencePermitPolicy.code).toBe('RESIDENCE_PERMIT');
    expect(residencePermitPolicy.timeLimit).toBeUndefined();
  });

  describe('issue', () => {
    it('passes the example case and grants a permit from today to the work permit’s end', () => {
      const facts = issueCase();
      expect(assess(facts)).toEqual({
        findings: [
          expect.objectContaining({ rule: 'passport_valid', passed: true }),
          expect.objectContaining({ rule: 'health_certificate', passed: true }),
          expect.objectContaining({ rule: 'entry_window', passed: true }),
          expect.objectContaining({
            rule: 'validity',
            passed: true,
            message: { code: 'residence_permit.validity.granted', params: { validFrom: TODAY, validTo: '2028-02-29', months: 14, days: 450, limitedBy: 'work_permit' } },
          }),
        ],
        flags: [],
        result: { permitNo: residencePermitNumber(facts.caseId), validFrom: TODAY, validTo: '2028-02-29', feeCny: 800 },
      });
    });

    it('ends with the passport when it expires before the work permit', () => {
      expect(assess(issueCase({ 'applicant.passportExpiry': '2027-06-30' })).result).toEqual(expect.objectContaining({ validFrom: TODAY, validTo: '2027-06-30', feeCny: 400 }));
    });

    it('is never longer than 5 years, whatever the work permit', () => {
      expect(assess(issueCase(), { prerequisites: workPermitGranted({ validTo: '2032-12-31' }) }).result).toMatchObject({ validTo: '2031-12-06', feeCny: 1000 });
    });

    it('starts with the work permit when its contract has not begun yet', () => {
      expect(assess(issueCase(), { prerequisites: workPermitGranted({ validFrom: '2027-01-01' }) }).result).toMatchObject({ validFrom: '2027-01-01', validTo: '2028-02-29' });
    });

    it.each([
      ['2027-12-05', 'under 1 year', 400],
      ['2027-12-06', 'exactly 1 year', 800],
      ['2029-12-05', 'a day under 3 years', 800],
      ['2029-12-06', 'exactly 3 years', 1000],
    ])('charges a permit to %s (%s) %i RMB', (validTo, _length, feeCny) => {
      expect(assess(issueCase(), { prerequisites: workPermitGranted({ validTo }) }).result).toMatchObject({ validTo, feeCny });
    });

    it('charges by the fee bands of the case’s parameters', () => {
      const flatFee: CatalogueParameters = { ...parameters, residencePermit: { ...parameters.residencePermit, feeBands: [{ belowMonths: 61, feeCny: 123 }] } };
      expect(assess(issueCase(), { parameters: flatFee }).result?.feeCny).toBe(123);
    });

    it('works with a work permit held rather than decided in the case', () => {
      expect(assess(issueCase(), { prerequisites: workPermitHeld('2027-09-30') })).toMatchObject({
        findings: expect.not.arrayContaining([expect.objectContaining({ passed: false })]),
        result: { validFrom: TODAY, validTo: '2027-09-30', feeCny: 400 },
      });
    });

    it('grants a work permit leaving exactly 90 days', () => {
      expect(assess(issueCase(), { prerequisites: workPermitGranted({ validTo: '2027-03-06' }) }).result).toMatchObject({ validTo: '2027-03-06', feeCny: 400 });
    });

    it('has no valid period, and says why, when the work permit leaves 89 days', () => {
      const assessment = assess(issueCase(), { prerequisites: workPermitGranted({ validTo: '2027-03-05' }) });
      expect(assessment.result).toBeUndefined();
      const validity = assessment.findings.find((f) => f.rule === 'validity');
      expect(validity).toMatchObject({ passed: false });
      expect(localize(validity!.message)).toEqual({
        zh: '工作许可于2027-03-05届满，自2026-12-07起仅余89日；工作类居留许可的有效期不少于90日。',
        en: 'The work permit ends on 2027-03-05, leaving 89 days from 2026-12-07; a work-type residence permit is valid for at least 90 days.',
      });
    });

    it('reads the minimum validity from the case’s parameters', () => {
      const shorterMinimum: CatalogueParameters = { ...parameters, residencePermit: { ...parameters.residencePermit, validity: { ...parameters.residencePermit.validity, minDays: 60 } } };
      const assessment = assess(issueCase(), { parameters: shorterMinimum, prerequisites: workPermitGranted({ validTo: '2027-03-05' }) });
      expect(assessment.result).toMatchObject({ validTo: '2027-03-05' });
    });

    it('numbers the permit for the case', () => {
      const first = assess(issueCase({}, 'case-0001')).result?.permitNo;
      expect(first).toBe(residencePermitNumber('case-0001'));
      expect(assess(issueCase({}, 'case-0002')).result?.permitNo).toBe(residencePermitNumber('case-0002'));
      expect(first).not.toBe(residencePermitNumber('case-0002'));
    });

    it('reads the entry window on the day the case was submitted, not the day of the decision', () => {
      expect(findingOf(issueCase({ 'applicant.entryDate': '2026-10-31' }), 'entry_window')).toMatchObject({ passed: true });
      expect(findingOf(issueCase({ 'applicant.entryDate': '2026-10-30' }), 'entry_window')).toMatchObject({ passed: false });
    });

    it('names the health certificate as the material that answers its failed finding', () => {
      const facts = issueCase();
      const withoutCertificate = { ...facts, materials: facts.materials.filter((m) => m.code !== 'HEALTH_CERTIFICATE') };
      expect(findingOf(withoutCertificate, 'health_certificate')).toMatchObject({ passed: false, material: 'HEALTH_CERTIFICATE' });
      expect(findingOf(facts, 'health_certificate')).not.toHaveProperty('material');
    });

    it('still works out the permit when another rule fails, for the officer to decide', () => {
      expect(assess(issueCase({ 'applicant.entryDate': '2026-01-01' })).result).toMatchObject({ validTo: '2028-02-29' });
    });
  });

  describe('extend', () => {
    const extendCase = (patch: Record<string, unknown> = {}) =>
      exampleCaseFacts({
        items: [
          { code: 'WORK_PERMIT', action: 'extend' },
          { code: 'RESIDENCE_PERMIT', action: 'extend' },
        ],
        patch: { 'holdings.residencePermitValidTo': '2027-02-28', ...patch },
      });
    const extend = { action: 'extend' as ItemAction };

    it('grants a new permit when filed 90 days before the held one expires', () => {
      const facts = extendCase();
      const assessment = assess(facts, extend);
      expect(assessment.findings.map((f) => [f.rule, f.passed])).toEqual([
        ['passport_valid', true],
        ['extension_window', true],
        ['validity', true],
      ]);
      expect(assessment.result).toEqual({ permitNo: residencePermitNumber(facts.caseId), validFrom: TODAY, validTo: '2028-02-29', feeCny: 800 });
    });

    it('accepts an extension filed long before the held permit expires: Art. 32 sets only the latest day', () => {
      expect(findingOf(extendCase({ 'holdings.residencePermitValidTo': '2027-03-01' }), 'extension_window', extend)).toMatchObject({ passed: true });
    });

    it('fails an extension filed later than 30 days before the held permit expires', () => {
      expect(findingOf(extendCase({ 'holdings.residencePermitValidTo': '2026-12-29' }), 'extension_window', extend)).toMatchObject({ passed: false });
    });

    it('ends with a work permit held', () => {
      expect(assess(extendCase(), { ...extend, prerequisites: workPermitHeld('2027-09-30') }).result).toMatchObject({ validTo: '2027-09-30', feeCny: 400 });
    });
  });

  describe('change', () => {
    const changeCase = (occurredOn: string) => exampleCaseFacts({ items: [{ code: 'RESIDENCE_PERMIT', action: 'change' }], patch: { 'change.occurredOn': occurredOn } });
    const change = { action: 'change' as ItemAction, prerequisites: workPermitHeld('2027-09-30') };

    it('re-registers the permit held, keeping its number and end, when filed within 10 days of the change', () => {
      expect(assess(changeCase('2026-11-20'), change)).toEqual({
        findings: [expect.objectContaining({ rule: 'passport_valid', passed: true }), expect.objectContaining({ rule: 'change_window', passed: true })],
        flags: [],
        result: { permitNo: 'Y37100456789', validTo: '2027-02-28' },
      });
    });

    it('fails a change filed 11 days after it occurred', () => {
      const finding = findingOf(changeCase('2026-11-19'), 'change_window', change);
      expect(finding).toMatchObject({ passed: false });
      expect(localize(finding!.message)).toEqual({
        zh: '于2026-11-19发生变更后11日申请；变更应在10日内申请。',
        en: 'Filed 11 days after the change on 2026-11-19; a change is filed within 10 days.',
      });
    });
  });

  it('refuses to assess an issue without the work permit', () => {
    expect(() => assess(issueCase(), { prerequisites: new Map() })).toThrow(
      expect.objectContaining({
        code: ResidencePermitErrorCode.InvalidArgument,
        reason: { code: 'residence_permit.invalid.work_permit_not_granted', params: {} },
        message: '外国人来华工作许可获批准或已持有后，方可审查居留许可 / A residence permit is assessed only once the work permit is granted or held',
      }),
    );
  });

  it('refuses an action a residence permit does not have', () => {
    expect(() => assess(issueCase(), { action: 'apply' })).toThrow(
      expect.objectContaining({ code: ResidencePermitErrorCode.InvalidArgument, reason: { code: 'residence_permit.invalid.action', params: { action: 'apply' } } }),
    );
  });
});
