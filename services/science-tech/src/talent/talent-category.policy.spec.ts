import type { AssessmentContext, ItemAssessment } from '@work-permit/agency-review';
import { exampleCaseFacts, grantedOutcomes } from '@work-permit/agency-review/testing';
import { type CatalogueParameters, getCatalogue, localize } from '@work-permit/catalogue';
import { talentCategoryPolicy } from './talent-category.policy';

// Expected points are worked out by hand from the 2026.1 table (DOMAIN.md): local average wage
// 100,000 RMB, so A by salary from 600,000 and B from 400,000; A from 85 points, B from 60.
const parameters = getCatalogue('2026.1').parameters;
const today = '2026-11-30';
const CLAIM_FLAG = 'talent_programme_claim_unverified';

function assess(patch: Record<string, unknown> = {}, context: Partial<AssessmentContext> = {}): ItemAssessment {
  return talentCategoryPolicy.assess(exampleCaseFacts({ patch }), { today, parameters, action: 'apply', prerequisites: grantedOutcomes({}), ...context });
}

function withParameters(change: (p: CatalogueParameters) => CatalogueParameters): Partial<AssessmentContext> {
  return { parameters: change(parameters) };
}

// The catalogue's example applicant, born 1988-04-12, who declares a national talent programme. By hand:
// salary 48 (10k) → 20, master 15, 8 years → 5 + 6 = 11, 12 months 15, HSK4 4, Huancui 0, age 38 → 15,
// top overseas university 5, local bonus 0: 85, category A by points (480,000 is under 6 ×).
const EXAMPLE_FACTORS = {
  'points.annual_salary': '20',
  'points.education': '15',
  'points.work_experience': '11',
  'points.months_in_china': '15',
  'points.chinese_level': '4',
  'points.work_location': '0',
  'points.age': '15',
  'points.extras': '5',
  'points.local_bonus': '0',
};

// A software developer born 1996-09-01, no talent section. By hand: salary 18 → 11, bachelor 10,
// 3 years → 6, 12 months 15, HSK2 2, Huancui 0, age 30 → 15, no extras 0, local 0: 59, B by degree and experience.
const developer = {
  'applicant.birthDate': '1996-09-01',
  'applicant.education': 'bachelor',
  'applicant.workExperienceYears': 3,
  'applicant.chineseLevel': 'HSK2',
  'employment.annualSalaryCny': 180_000,
  talent: undefined,
};

// An office assistant born 2002-12-24, no talent section. By hand: salary 9.6 → 8, associate 0, 1 year → 0,
// 12 months 15, HSK1 1, Huancui 0, age 23 → 10, no extras 0, local 0: 34, C within the quota.
const assistant = {
  'applicant.birthDate': '2002-12-24',
  'applicant.education': 'associate',
  'applicant.workExperienceYears': 1,
  'applicant.chineseLevel': 'HSK1',
  'employment.annualSalaryCny': 96_000,
  talent: undefined,
};

describe('talentCategoryPolicy', () => {
  it('is the policy of the TALENT_CATEGORY step', () => {
    expect(talentCategoryPolicy.code).toBe('TALENT_CATEGORY');
  });

  describe('category A', () => {
    it('places the example applicant in A by points, with every factor score recorded', () => {
      const assessment = assess();
      expect(assessment.result).toEqual({ category: 'A', points: 85, attributes: { route: 'points', ...EXAMPLE_FACTORS } });
      expect(assessment.flags).toEqual([]);
    });

    it('reaches A by the salary multiple', () => {
      // 650,000 is at least 6 × 100,000; the salary still scores 20, so the points stay 85.
      expect(assess({ 'employment.annualSalaryCny': 650_000 }).result).toMatchObject({ category: 'A', points: 85, attributes: { route: 'salary_multiple' } });
    });
  });

  describe('category B', () => {
    it('places a bachelor with 3 years in B by degree and experience', () => {
      expect(assess(developer).result).toEqual({
        category: 'B',
        points: 59,
        attributes: {
          route: 'degree_and_experience',
          'points.annual_salary': '11',
          'points.education': '10',
          'points.work_experience': '6',
          'points.months_in_china': '15',
          'points.chinese_level': '2',
          'points.work_location': '0',
          'points.age': '15',
          'points.extras': '0',
          'points.local_bonus': '0',
        },
      });
    });
  });

  describe('category C', () => {
    it('places an associate degree with 1 year on a low salary in C, within the quota (route `other`)', () => {
      expect(assess(assistant).result).toEqual({
        category: 'C',
        points: 34,
        attributes: {
          route: 'other',
          'points.annual_salary': '8',
          'points.education': '0',
          'points.work_experience': '0',
          'points.months_in_china': '15',
          'points.chinese_level': '1',
          'points.work_location': '0',
          'points.age': '10',
          'points.extras': '0',
          'points.local_bonus': '0',
        },
      });
    });
  });

  describe('the talent section', () => {
    it.each(['topOverseasUniversity', 'fortuneGlobal500Employer', 'patentHolder', 'continuousWorkInChina'])('scores talent.%s as an extra', (claim) => {
      // The assistant's 34 plus 5 for the extra: 39.
      const { result } = assess({ ...assistant, [`talent.${claim}`]: true });
      expect([result?.points, result?.attributes?.['points.extras']]).toEqual([39, '5']);
    });

    it('scores nothing for extras declared false', () => {
      const none = { topOverseasUniversity: false, fortuneGlobal500Employer: false, patentHolder: false, continuousWorkInChina: false };
      expect(assess({ ...assistant, talent: none }).result?.points).toBe(34);
    });
  });

  describe('a declared talent programme or achievement', () => {
    it('is flagged when it alone lifts a B applicant to A, and the result is the claimed category', () => {
      const assessment = assess({ ...developer, 'talent.recognition': 'Provincial talent programme, 2025' });
      expect([assessment.result?.category, assessment.result?.points, assessment.result?.attributes?.route, assessment.flags]).toEqual([
        'A',
        59,
        'talent_programme',
        [CLAIM_FLAG],
      ]);
    });

    it('tells the officer what was declared and the category without it, in Chinese and in English', () => {
      const finding = assess({ ...developer, 'talent.recognition': '山东省泰山学者, 2025' }).findings.find(({ rule }) => rule === 'talent_category');
      expect(finding?.message.params.parts).toContainEqual({ code: 'talent.claim_unverified', params: { claim: '山东省泰山学者, 2025', category: 'B' } });
      const { zh, en } = localize(finding!.message);
      expect(zh).toMatch(/^积分：59分（满分120分；.*）。通过公认的人才计划认定为A类。类别以申报的人才计划或成就“山东省泰山学者, 2025”为依据，须由工作人员核实；不计该项则为B类。$/);
      expect(en).toMatch(/^Points: 59 of 120 \(.*\)\. Category A through a recognised talent programme\. The category rests on the declared talent programme or achievement "山东省泰山学者, 2025", which an officer verifies; without it the category is B\.$/);
    });

    it('is flagged when it lifts a C applicant to A', () => {
      const assessment = assess({ ...assistant, 'talent.recognition': 'National key talent programme, 2024' });
      expect([assessment.result?.category, assessment.flags]).toEqual(['A', [CLAIM_FLAG]]);
    });

    it('is ignored when the applicant reaches A without it, so the case decides automatically', () => {
      // The example applicant declares a programme and is A by points anyway.
      const assessment = assess();
      expect([assessment.result?.attributes?.route, assessment.flags]).toEqual(['points', []]);
    });

    it('is no claim when blank', () => {
      const assessment = assess({ ...developer, 'talent.recognition': '   ' });
      expect([assessment.result?.category, assessment.flags]).toEqual(['B', []]);
    });
  });

  describe('the minimum age', () => {
    it('gives an applicant aged 17 no result, a failed finding and no flag for the claim', () => {
      // Born 2009-01-01: 17 on 2026-11-30. The example's programme claim would lift the category, but cannot help.
      const assessment = assess({ 'applicant.birthDate': '2009-01-01' });
      expect(assessment.result).toBeUndefined();
      expect(assessment.flags).toEqual([]);
      expect(assessment.findings).toContainEqual({ rule: 'minimum_age', passed: false, message: { code: 'talent.minimum_age.unmet', params: { age: 17, today: '2026-11-30', minimumAge: 18 } } });
      expect(localize(assessment.findings.find(({ rule }) => rule === 'minimum_age')!.message)).toEqual({
        zh: '2026-11-30时年龄为17周岁；申请工作许可须年满18周岁。',
        en: 'Aged 17 on 2026-11-30; a work permit needs the applicant to be 18 or over.',
      });
    });

    it('counts the age at the day of the assessment', () => {
      const turning18 = { 'applicant.birthDate': '2008-12-01' };
      const minimumAge = (on: string) => assess(turning18, { today: on }).findings.find(({ rule }) => rule === 'minimum_age')?.passed;
      expect([minimumAge('2026-11-30'), minimumAge('2026-12-01')]).toEqual([false, true]);
    });

    it('passes for an adult, and every finding passes', () => {
      const { findings } = assess();
      expect(findings.map(({ rule, passed }) => [rule, passed])).toEqual([
        ['minimum_age', true],
        ['talent_category', true],
      ]);
      expect(localize(findings[0].message)).toEqual({ zh: '2026-11-30已年满18周岁，符合工作许可的年龄要求。', en: 'Aged 18 or over on 2026-11-30, as a work permit needs.' });
    });
  });

  describe('the catalogue parameters', () => {
    it("reads category A's points threshold from the context", () => {
      // The example's 85 points under a threshold of 86: B by degree and experience (master, 8 years).
      const stricter = withParameters((p) => ({ ...p, talentClassification: { ...p.talentClassification, categoryA: { ...p.talentClassification.categoryA, minimumPoints: 86 } } }));
      expect(assess({ 'talent.recognition': undefined }, stricter).result).toMatchObject({ category: 'B', points: 85, attributes: { route: 'degree_and_experience' } });
    });

    it('reads the local average wage from the context', () => {
      // 480,000 is at least 6 × 80,000.
      expect(assess({}, withParameters((p) => ({ ...p, localAverageAnnualWageCny: 80_000 }))).result?.attributes?.route).toBe('salary_multiple');
    });
  });
});
