import type { AssessmentContext, CaseFacts, ItemAssessment, ItemResultView, RuleFinding } from '@work-permit/agency-review';
import { exampleCaseFacts, exampleMaterials, grantedOutcomes } from '@work-permit/agency-review/testing';
import { type CatalogueParameters, getCatalogue, type ItemAction, type ItemSelection, localize, message } from '@work-permit/catalogue';
import { AdminApprovalReview } from '../admin-approval.review';
import { HEALTH_CERTIFICATE, NO_CRIMINAL_RECORD, WorkPermitErrorCode, workPermitNumber } from './domain';
import { CATEGORY_CHANGE, CHANGE_WINDOW, EXTENSION_WINDOW, HELD_PERMIT_IN_FORCE, PERMIT_TERM, workPermitPolicy } from './work-permit.policy';

const parameters = getCatalogue().parameters;
/** Two days after the example case's submission (2026-11-30). */
const today = '2026-12-02';

const categoryA: ItemResultView = { category: 'A', points: 90, attributes: { route: 'points' } };
const categoryB: ItemResultView = { category: 'B', points: 72, attributes: { route: 'degree_and_experience' } };
const categoryC: ItemResultView = { category: 'C', points: 40, attributes: { route: 'other' } };

/** A contract starting after the submission, so nothing flags it, and long enough for every category's cap. */
const futureContract = { 'employment.contractStart': '2027-01-01', 'employment.contractEnd': '2033-12-31' };

function context(action: ItemAction, talentCategory: ItemResultView = categoryB, catalogueParameters: CatalogueParameters = parameters): AssessmentContext {
  return { today, parameters: catalogueParameters, action, prerequisites: grantedOutcomes({ TALENT_CATEGORY: talentCategory, ABNORMAL_LIST_SCREENING: {} }) };
}

function caseFor(action: ItemAction, patch: Record<string, unknown> = {}): CaseFacts {
  return exampleCaseFacts({ items: [{ code: 'WORK_PERMIT', action }], patch });
}

function finding(assessment: ItemAssessment, rule: string): RuleFinding {
  const found = assessment.findings.filter((f) => f.rule === rule);
  expect(found).toHaveLength(1);
  return found[0];
}

const failedRules = (assessment: ItemAssessment) => assessment.findings.filter((f) => !f.passed).map((f) => f.rule);

/** A finding's message as the applicant reads it: Chinese by default, English on request. */
const zh = (f: RuleFinding) => localize(f.message).zh;
const en = (f: RuleFinding) => localize(f.message).en;

describe('workPermitPolicy', () => {
  it('is the WORK_PERMIT policy of the approval bureau', () => {
    expect(workPermitPolicy.code).toBe('WORK_PERMIT');
    expect(AdminApprovalReview).toEqual({ agency: 'approval', policies: [workPermitPolicy], leadsJointReview: true });
  });

  describe('issue', () => {
    const issue = (patch: Record<string, unknown> = {}, talentCategory: ItemResultView = categoryB, catalogueParameters = parameters) =>
      workPermitPolicy.assess(caseFor('issue', { ...futureContract, ...patch }), context('issue', talentCategory, catalogueParameters));

    it('passes a clean category B case with every rule passed, nothing flagged and the full result', () => {
      const facts = caseFor('issue', futureContract);
      const assessment = workPermitPolicy.assess(facts, context('issue'));
      expect(failedRules(assessment)).toEqual([]);
      expect(assessment.flags).toEqual([]);
      expect(assessment.findings.map((f) => f.rule).sort()).toEqual(
        ['category_age_limit', 'category_route', 'contract_term', 'health_certificate', 'minimum_age', 'no_criminal_record_certificate', 'passport_validity', PERMIT_TERM].sort(),
      );
      expect(assessment.result).toEqual({ permitNo: expect.stringMatching(/^WP2026\d{10}$/), validFrom: '2027-01-01', validTo: '2028-12-31', category: 'B', points: 72 });
      expect(assessment.result?.permitNo).toBe(workPermitNumber(facts.caseId, today));
      expect(finding(assessment, PERMIT_TERM).message).toEqual(
        message('work_permit.term.granted', { validFrom: '2027-01-01', validTo: '2028-12-31', cap: 2, category: 'B', passportExpiry: facts.body.applicant.passportExpiry }),
      );
      expect(zh(finding(assessment, PERMIT_TERM))).toMatch(/^许可期限为2027-01-01至2028-12-31：按劳动合同期限，B类最长2年/);
    });

    it('issues the same number when the case is assessed again, and another number for another case', () => {
      const again = workPermitPolicy.assess(caseFor('issue', futureContract), context('issue'));
      const other = workPermitPolicy.assess(exampleCaseFacts({ items: [{ code: 'WORK_PERMIT', action: 'issue' }], patch: futureContract, caseId: '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f' }), context('issue'));
      expect(again.result?.permitNo).toBe(issue().result?.permitNo);
      expect(other.result?.permitNo).not.toBe(issue().result?.permitNo);
    });

    it.each([
      ['A', categoryA, '2031-12-31'],
      ['B', categoryB, '2028-12-31'],
      ['C', categoryC, '2027-12-31'],
    ])('caps the term of category %s', (_category, talentCategory, validTo) => {
      expect(issue({}, talentCategory).result).toMatchObject({ validFrom: '2027-01-01', validTo, category: talentCategory.category, points: talentCategory.points });
    });

    it('reads the term caps from the parameters', () => {
      const longerB = { ...parameters, workPermit: { ...parameters.workPermit, termCapYears: { ...parameters.workPermit.termCapYears, B: 3 } } };
      expect(issue({}, categoryB, longerB).result?.validTo).toBe('2029-12-31');
    });

    it('ends the term at the passport expiry', () => {
      expect(issue({ 'applicant.passportExpiry': '2028-06-30' }).result).toMatchObject({ validFrom: '2027-01-01', validTo: '2028-06-30' });
    });

    it('fails a category B applicant over the age limit, with the other rules still passed', () => {
      const assessment = issue({ 'applicant.birthDate': '1965-12-01' });
      expect(failedRules(assessment)).toEqual(['category_age_limit']);
      expect(finding(assessment, 'category_age_limit').message).toMatchObject({ code: 'work_permit.age_limit.over_b', params: { maximumAge: parameters.talentClassification.categoryB.maximumAge } });
      expect(zh(finding(assessment, 'category_age_limit'))).toContain(`B类人员须不超过${parameters.talentClassification.categoryB.maximumAge}周岁`);
      expect(en(finding(assessment, 'category_age_limit'))).toContain(`aged ${parameters.talentClassification.categoryB.maximumAge} or under`);
    });

    it('passes the same applicant when the parameters raise the age limit', () => {
      const raised = { ...parameters, talentClassification: { ...parameters.talentClassification, categoryB: { ...parameters.talentClassification.categoryB, maximumAge: 65 } } };
      expect(failedRules(issue({ 'applicant.birthDate': '1965-12-01' }, categoryB, raised))).toEqual([]);
    });

    it('passes category C and flags it for the national quota', () => {
      const assessment = issue({}, categoryC);
      expect(failedRules(assessment)).toEqual([]);
      expect(assessment.flags).toEqual(['category_c_quota']);
      expect(assessment.result?.category).toBe('C');
    });

    it('fails a missing health certificate, naming the material, and still works out the result', () => {
      const materials = exampleMaterials([{ code: 'WORK_PERMIT', action: 'issue' }]).filter((m) => m.code !== HEALTH_CERTIFICATE);
      const facts = exampleCaseFacts({ items: [{ code: 'WORK_PERMIT', action: 'issue' }], patch: futureContract, materials });
      const assessment = workPermitPolicy.assess(facts, context('issue'));
      expect(failedRules(assessment)).toEqual(['health_certificate']);
      expect(finding(assessment, 'health_certificate')).toMatchObject({ passed: false, material: HEALTH_CERTIFICATE, message: message('work_permit.certificate.missing', { certificate: HEALTH_CERTIFICATE }) });
      expect(localize(finding(assessment, 'health_certificate').message)).toEqual({ zh: '缺少体检证明。', en: 'The health certificate is missing.' });
      expect(assessment.result).toBeDefined();
    });

    it('waives the criminal-record certificate on a declared previous permit, flagged for an officer', () => {
      const withoutCertificate = (previousWorkPermitNo: string | undefined) => {
        const materials = exampleMaterials([{ code: 'WORK_PERMIT', action: 'issue' }]).filter((m) => m.code !== NO_CRIMINAL_RECORD);
        const patch = { ...futureContract, 'history.previousWorkPermitNo': previousWorkPermitNo };
        return workPermitPolicy.assess(exampleCaseFacts({ items: [{ code: 'WORK_PERMIT', action: 'issue' }], patch, materials }), context('issue'));
      };
      const declared = withoutCertificate('137100202300034');
      expect(finding(declared, 'no_criminal_record_certificate').passed).toBe(true);
      expect(declared.flags).toEqual(['prior_permit_unverified']);
      expect(finding(withoutCertificate(undefined), 'no_criminal_record_certificate')).toMatchObject({ passed: false, material: NO_CRIMINAL_RECORD });
    });

    it("reads science-tech's route names: salary_multiple", () => {
      const bySalary = (category: 'A' | 'B') => issue({}, { category, points: 50, attributes: { route: 'salary_multiple' } });
      expect(finding(bySalary('B'), 'category_route').passed).toBe(true);
      expect(finding(bySalary('A'), 'category_route')).toMatchObject({ passed: false, message: { code: 'work_permit.route.salary_unmet', params: { category: 'A' } } });
      expect(zh(finding(bySalary('A'), 'category_route'))).toContain('通过薪酬认定A类');
      expect(en(finding(bySalary('A'), 'category_route'))).toContain('through salary');
    });

    it('flags a contract that had started before the application, and starts the term today', () => {
      const assessment = workPermitPolicy.assess(caseFor('issue'), context('issue'));
      expect(assessment.flags).toEqual(['contract_started_before_application']);
      expect(assessment.result).toMatchObject({ validFrom: today, validTo: '2028-02-29' });
    });

    it('gives no result and a failed permit_term finding when no term is left', () => {
      const assessment = issue({ 'employment.contractStart': '2025-01-01', 'employment.contractEnd': '2026-11-01' });
      expect(assessment.result).toBeUndefined();
      expect(finding(assessment, PERMIT_TERM)).toMatchObject({
        passed: false,
        message: message('work_permit.term.none_left', { validFrom: today, contractEnd: '2026-11-01', passportExpiry: caseFor('issue').body.applicant.passportExpiry }),
      });
      expect(zh(finding(assessment, PERMIT_TERM))).toMatch(/^不能准予许可：自2026-12-02起已无可许可的期限/);
      expect(en(finding(assessment, PERMIT_TERM))).toContain('No permit term is left');
    });

    it('refuses a TALENT_CATEGORY outcome without a route', () => {
      const reason = message('work_permit.input.prerequisite_result_invalid', { item: 'TALENT_CATEGORY', result: '{"category":"B","points":72}' });
      expect(() => issue({}, { category: 'B', points: 72 })).toThrow(expect.objectContaining({ code: WorkPermitErrorCode.InvalidArgument, reason }));
      expect(localize(reason).zh).toContain('外国人才类别认定（积分）的结果须包含人才类别');
    });
  });

  describe('timeLimit', () => {
    const timeLimit = (talentCategory: ItemResultView, catalogueParameters = parameters) =>
      workPermitPolicy.timeLimit?.(caseFor('issue'), context('issue', talentCategory, catalogueParameters));

    it('gives category A the shorter review in working days', () => {
      expect(timeLimit(categoryA)).toEqual({ amount: 5, unit: 'working_days' });
    });

    it.each([categoryB, categoryC])('gives category $category the usual review', (talentCategory) => {
      expect(timeLimit(talentCategory)).toEqual({ amount: 10, unit: 'working_days' });
    });

    it('reads the days from the parameters', () => {
      const faster = { ...parameters, workPermit: { ...parameters.workPermit, reviewWorkingDays: { categoryA: 3, other: 7 } } };
      expect([timeLimit(categoryA, faster)?.amount, timeLimit(categoryB, faster)?.amount]).toEqual([3, 7]);
    });
  });

  describe('extend', () => {
    const held = { 'holdings.workPermitNo': '137100202600012' };
    const extend = (patch: Record<string, unknown>, talentCategory: ItemResultView = categoryB) =>
      workPermitPolicy.assess(caseFor('extend', { ...held, ...patch }), context('extend', talentCategory));

    it('continues the held permit under its number from the day after it ends, capped for the category', () => {
      const assessment = extend({ 'holdings.workPermitValidTo': '2027-02-28', 'employment.contractEnd': '2030-12-31' });
      expect(failedRules(assessment)).toEqual([]);
      expect(finding(assessment, EXTENSION_WINDOW)).toMatchObject({ passed: true, message: message('work_permit.extension_window.within', { days: 90, validTo: '2027-02-28' }) });
      expect(zh(finding(assessment, EXTENSION_WINDOW))).toBe('于工作许可2027-02-28到期前90日申请，在延期申请期限内。');
      expect(assessment.result).toEqual({ permitNo: '137100202600012', validFrom: '2027-03-01', validTo: '2029-02-28', category: 'B', points: 72 });
    });

    it.each([
      ['too early', '2027-06-30', 'work_permit.extension_window.too_early', '请于到期前90日起再申请', 'File again from'],
      // Filed on 2026-11-30 (the fixture's submission day); decided on 2026-12-02.
      ['too late', '2026-12-29', 'work_permit.extension_window.too_late', '距今仅29日', 'only 29 days'],
      ['expired', '2026-11-29', 'work_permit.extension_window.expired', '请重新申请', 'apply for a new one'],
    ])('refuses an extension filed %s, with no result', (_when, workPermitValidTo, code, inChinese, inEnglish) => {
      const assessment = extend({ 'holdings.workPermitValidTo': workPermitValidTo });
      expect(finding(assessment, EXTENSION_WINDOW)).toMatchObject({ passed: false, message: { code } });
      expect(zh(finding(assessment, EXTENSION_WINDOW))).toContain(inChinese);
      expect(en(finding(assessment, EXTENSION_WINDOW))).toContain(inEnglish);
      expect(assessment.result).toBeUndefined();
    });

    it('judges the filing window on the day of filing, not the day of the decision', () => {
      // 31 days before expiry when filed, 29 when decided: within the window.
      expect(finding(extend({ 'holdings.workPermitValidTo': '2026-12-31' }), EXTENSION_WINDOW).passed).toBe(true);
    });

    it('gives no term when the contract ends with the held permit', () => {
      const assessment = extend({ 'holdings.workPermitValidTo': '2027-02-28', 'employment.contractEnd': '2027-02-28' });
      expect(finding(assessment, PERMIT_TERM)).toMatchObject({ passed: false, message: { code: 'work_permit.term.none_left', params: { validFrom: '2027-03-01', contractEnd: '2027-02-28' } } });
      expect(assessment.result).toBeUndefined();
    });

    it('flags a category C extension for the quota', () => {
      expect(extend({ 'holdings.workPermitValidTo': '2027-02-28' }, categoryC).flags).toEqual(['category_c_quota']);
    });
  });

  describe('change', () => {
    const held = { 'holdings.workPermitNo': '137100202600012', 'holdings.workPermitValidTo': '2027-02-28' };
    const change = (patch: Record<string, unknown>) => workPermitPolicy.assess(caseFor('change', { ...held, ...patch }), context('change'));

    it('keeps the held permit number and validity for a change filed within the window', () => {
      const assessment = change({ 'change.occurredOn': '2026-11-25' });
      expect(failedRules(assessment)).toEqual([]);
      expect(finding(assessment, CHANGE_WINDOW).message).toEqual(message('work_permit.change_window.within', { days: 5, occurredOn: '2026-11-25', maxDays: 10 }));
      expect(localize(finding(assessment, HELD_PERMIT_IN_FORCE).message)).toEqual({ zh: '所持工作许可有效期至2027-02-28。', en: 'The work permit held is valid until 2027-02-28.' });
      expect(assessment.flags).toEqual([]);
      expect(assessment.result).toEqual({ permitNo: '137100202600012', validTo: '2027-02-28' });
    });

    it('refuses a change filed after its window, with no result', () => {
      const assessment = change({ 'change.occurredOn': '2026-11-19' });
      expect(finding(assessment, CHANGE_WINDOW)).toMatchObject({
        passed: false,
        message: message('work_permit.change_window.too_late', { maxDays: parameters.workPermit.changeWindowDays, occurredOn: '2026-11-19', days: 11 }),
      });
      expect(zh(finding(assessment, CHANGE_WINDOW))).toContain(`变更应在${parameters.workPermit.changeWindowDays}日内申请`);
      expect(en(finding(assessment, CHANGE_WINDOW))).toContain(`within ${parameters.workPermit.changeWindowDays} days`);
      expect(assessment.result).toBeUndefined();
    });

    it('refuses to change a permit that has expired', () => {
      const assessment = change({ 'change.occurredOn': '2026-11-25', 'holdings.workPermitValidTo': '2026-12-01' });
      expect(failedRules(assessment)).toEqual([HELD_PERMIT_IN_FORCE]);
      expect(finding(assessment, HELD_PERMIT_IN_FORCE).message).toEqual(message('work_permit.held_permit.expired', { validTo: '2026-12-01' }));
      expect(assessment.result).toBeUndefined();
    });

    it('carries the category the Science and Technology Bureau confirmed on a change of category', () => {
      const assessment = workPermitPolicy.assess(caseFor('change', { ...held, 'change.occurredOn': '2026-11-25', 'change.workPermitItem': 'category' }), context('change', categoryA));
      expect(failedRules(assessment)).toEqual([]);
      expect(finding(assessment, CATEGORY_CHANGE).message).toEqual(message('work_permit.category_change', { category: 'A', points: 90 }));
      expect(localize(finding(assessment, CATEGORY_CHANGE).message)).toEqual({
        zh: '人才类别变更为A类（积分90分），经科学技术局认定。',
        en: 'The talent category changes to A (90 points), as confirmed by the Science and Technology Bureau.',
      });
      expect(assessment.result).toEqual({ permitNo: '137100202600012', validTo: '2027-02-28', category: 'A', points: 90 });
      const toC = workPermitPolicy.assess(caseFor('change', { ...held, 'change.occurredOn': '2026-11-25', 'change.workPermitItem': 'category' }), context('change', categoryC));
      expect(toC.flags).toEqual(['category_c_quota']);
    });

    it('refuses a case without the held permit number', () => {
      expect(() => change({ 'change.occurredOn': '2026-11-25', 'holdings.workPermitNo': undefined })).toThrow(
        expect.objectContaining({ code: WorkPermitErrorCode.InvalidArgument, reason: message('work_permit.input.field_missing', { field: 'holdings.workPermitNo' }) }),
      );
      expect(localize(message('work_permit.input.field_missing', { field: 'holdings.workPermitNo' }))).toEqual({
        zh: '办理本事项须填写“现持工作许可证号”，案件中没有该项。',
        en: '“Number of the work permit held” is required for this action and is missing from the case.',
      });
    });
  });

  it('has no apply action', () => {
    const selection: ItemSelection[] = [{ code: 'WORK_PERMIT', action: 'issue' }];
    expect(() => workPermitPolicy.assess(exampleCaseFacts({ items: selection }), context('apply'))).toThrow(
      expect.objectContaining({ code: WorkPermitErrorCode.InvalidArgument, reason: message('work_permit.input.no_apply_action') }),
    );
  });
});
