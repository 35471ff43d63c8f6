import { getCatalogue, type Message, render } from '@work-permit/catalogue';
import { classifyTalent } from './talent-classification.rules';
import { TalentErrorCode } from './talent.exception';
import type { TalentClassification, TalentProfile } from './talent.model';

// Expected points are worked out by hand from the 2026.1 defaults, which stay unchanged: local average
// wage 100,000 RMB, so A by salary from 600,000 and B from 400,000; A from 85 points, B from 60; B up to age 60.
const parameters = getCatalogue('2026.1').parameters;
const today = '2026-03-02';
const HUANCUI = '371002';

function classify(profile: TalentProfile, recognisedTalentProgramme?: boolean): TalentClassification {
  return classifyTalent(profile, parameters, { today, recognisedTalentProgramme });
}

const inEnglish = (messages: Message[]) => messages.map((reason) => render(reason, 'en'));
const inChinese = (messages: Message[]) => messages.map((reason) => render(reason, 'zh'));

const outcome = ({ category, route, points, eligible }: TalentClassification) => ({ category, route, total: points.total, eligible });

// A PhD engineer at 41 (born 1984-06-15). By hand: salary 80 (10k) → 20, PhD 20, 12 years → 5 + 10 = 15,
// 12 months 15, HSK3 3, Weihai 0, age 41 → 15, two extras → capped 5, local 0: 93.
const phdEngineer: TalentProfile = {
  birthDate: '1984-06-15',
  education: 'doctorate',
  workExperienceYears: 12,
  annualSalaryCny: 800_000,
  monthsPerYearInChina: 12,
  chineseLevel: 'HSK3',
  workLocation: HUANCUI,
  extras: { topOverseasUniversity: true, patentHolder: true },
};

// A PhD researcher at 35 (born 1990-11-30) whose salary is under 6×. By hand: salary 46 → 20, PhD 20,
// 8 years → 5 + 6 = 11, 12 months 15, HSK4 4, Weihai 0, age 35 → 15, top university 5, local 0: 90.
const researcher: TalentProfile = {
  birthDate: '1990-11-30',
  education: 'doctorate',
  workExperienceYears: 8,
  annualSalaryCny: 460_000,
  monthsPerYearInChina: 12,
  chineseLevel: 'HSK4',
  workLocation: HUANCUI,
  extras: { topOverseasUniversity: true },
};

// A sales director at 50 (born 1975-08-08), half the year in China. By hand: salary 65 → 20, bachelor 10,
// 3 years → 6, 6 months 10, no Chinese 0, Weihai 0, age 50 → 10, no extras 0, local 0: 56.
const salesDirector: TalentProfile = {
  birthDate: '1975-08-08',
  education: 'bachelor',
  workExperienceYears: 3,
  annualSalaryCny: 650_000,
  monthsPerYearInChina: 6,
  chineseLevel: 'none',
  workLocation: HUANCUI,
};

// A software developer at 29 (born 1996-09-01). By hand: salary 18 → 11, bachelor 10, 3 years → 6,
// 12 months 15, HSK2 2, Weihai 0, age 29 → 15, no extras 0, local 0: 59.
const developer: TalentProfile = {
  birthDate: '1996-09-01',
  education: 'bachelor',
  workExperienceYears: 3,
  annualSalaryCny: 180_000,
  monthsPerYearInChina: 12,
  chineseLevel: 'HSK2',
  workLocation: HUANCUI,
};

// A shipyard technician at 33 (born 1992-05-20) with an associate degree, six years in China. By hand:
// salary 38 → 17, associate 0, 10 years → 5 + 8 = 13, 12 months 15, HSK5 5, Weihai 0, age 33 → 15,
// continuous work in China → 5, local 0: 70.
const technician: TalentProfile = {
  birthDate: '1992-05-20',
  education: 'associate',
  workExperienceYears: 10,
  annualSalaryCny: 380_000,
  monthsPerYearInChina: 12,
  chineseLevel: 'HSK5',
  workLocation: HUANCUI,
  extras: { continuousYearsWorkingInChina: 6 },
};

// A visiting consultant at 30 (born 1995-10-01), a quarter of the year in China. By hand: salary 42 → 17,
// associate 0, 1 year → 0, 3 months 5, no Chinese 0, Weihai 0, age 30 → 15, no extras 0, local 0: 37.
const consultant: TalentProfile = {
  birthDate: '1995-10-01',
  education: 'associate',
  workExperienceYears: 1,
  annualSalaryCny: 420_000,
  monthsPerYearInChina: 3,
  chineseLevel: 'none',
  workLocation: HUANCUI,
};

// An office assistant at 23 (born 2002-12-24). By hand: salary 9.6 → 8, associate 0, 1 year → 0,
// 12 months 15, HSK1 1, Weihai 0, age 23 → 10, no extras 0, local 0: 34.
const assistant: TalentProfile = {
  birthDate: '2002-12-24',
  education: 'associate',
  workExperienceYears: 1,
  annualSalaryCny: 96_000,
  monthsPerYearInChina: 12,
  chineseLevel: 'HSK1',
  workLocation: HUANCUI,
};

// The base of the threshold cases, aged 30 (born 1995-10-01). By hand: salary 20 → 11, associate 0,
// 1 year → 0, 12 months 15, no Chinese 0, Weihai 0, age 30 → 15, no extras 0, local 0: 41.
const base: TalentProfile = {
  birthDate: '1995-10-01',
  education: 'associate',
  workExperienceYears: 1,
  annualSalaryCny: 200_000,
  monthsPerYearInChina: 12,
  chineseLevel: 'none',
  workLocation: HUANCUI,
};

describe(classifyTalent.name, () => {
  describe('category A', () => {
    it('places a PhD engineer on a high salary in A through the salary multiple, the first A route met', () => {
      expect(outcome(classify(phdEngineer))).toEqual({ category: 'A', route: 'salary_multiple', total: 93, eligible: true });
    });

    it('gives every A route met in the reasons, in Chinese', () => {
      expect(inChinese(classify(phdEngineer).reasons)).toEqual([
        '积分：93分（满分120分；年薪20分，学历20分，工作经历15分，在华工作时间15分，汉语水平3分，工作地点0分，年龄15分，加分项5分，地方加分0分）。',
        '通过薪酬认定为A类：年薪800,000元，不低于当地平均工资的6倍（600,000元）。',
        '通过积分认定为A类：93分，不低于85分。',
      ]);
    });

    it('gives every A route met in the reasons, in English', () => {
      expect(inEnglish(classify(phdEngineer).reasons)).toEqual([
        'Points: 93 of 120 (annual salary 20, education 20, work experience 15, months in China 15, Chinese 3, work location 0, age 15, extras 5, local bonus 0).',
        'Category A through salary: 800,000 RMB a year, at least 6 × the local average wage (600,000 RMB).',
        'Category A through points: 93, at least 85.',
      ]);
    });

    it('prefers a recognised talent programme over every other route', () => {
      expect(outcome(classify(phdEngineer, true))).toEqual({ category: 'A', route: 'talent_programme', total: 93, eligible: true });
    });

    it('places an applicant selected by a talent programme in A whatever the points and salary', () => {
      // The developer alone is B with 59 points.
      expect(outcome(classify(developer, true))).toEqual({ category: 'A', route: 'talent_programme', total: 59, eligible: true });
    });

    it('reaches A by points alone with a salary under 6 × the local average', () => {
      expect(outcome(classify(researcher))).toEqual({ category: 'A', route: 'points', total: 90, eligible: true });
    });

    it('reaches A by the salary multiple alone with points under even the B threshold', () => {
      expect(outcome(classify(salesDirector))).toEqual({ category: 'A', route: 'salary_multiple', total: 56, eligible: true });
    });

    it('has no upper age', () => {
      // The sales director at 66 (born 1960-01-10): age 0 instead of 10, so 56 − 10 = 46.
      expect(outcome(classify({ ...salesDirector, birthDate: '1960-01-10' }))).toEqual({ category: 'A', route: 'salary_multiple', total: 46, eligible: true });
    });
  });

  describe('category B', () => {
    it('places a bachelor with 3 years in B through degree and experience', () => {
      expect(outcome(classify(developer))).toEqual({ category: 'B', route: 'degree_and_experience', total: 59, eligible: true });
    });

    it('says why A was not reached before the B route', () => {
      expect(inEnglish(classify(developer).reasons.slice(1))).toEqual([
        'Category A not reached: not selected by a recognised talent programme; salary of 180,000 RMB a year is below 6 × the local average wage (600,000 RMB); 59 points, below 85.',
        'Category B through degree and experience: a bachelor degree and 3 years of experience, at least a bachelor degree and 2 years.',
      ]);
    });

    it('reaches B by points with an associate degree', () => {
      expect(outcome(classify(technician))).toEqual({ category: 'B', route: 'points', total: 70, eligible: true });
    });

    it('reaches B by the salary multiple with an associate degree and 1 year', () => {
      expect(outcome(classify(consultant))).toEqual({ category: 'B', route: 'salary_multiple', total: 37, eligible: true });
    });

    it('prefers degree and experience when the salary and points routes also reach B', () => {
      // The developer on 450,000: salary 20 instead of 11, so 59 + 9 = 68.
      const classification = classify({ ...developer, annualSalaryCny: 450_000 });
      expect([classification.route, classification.points.total, classification.reasons.length]).toEqual(['degree_and_experience', 68, 5]);
    });
  });

  describe('category C', () => {
    it('places an associate degree with 1 year on a low salary in C, within the quota', () => {
      expect(outcome(classify(assistant))).toEqual({ category: 'C', route: 'other', total: 34, eligible: true });
    });

    it('says why neither A nor B was reached', () => {
      expect(inEnglish(classify(assistant).reasons.slice(1))).toEqual([
        'Category A not reached: not selected by a recognised talent programme; salary of 96,000 RMB a year is below 6 × the local average wage (600,000 RMB); 34 points, below 85.',
        "Category B not reached: degree and experience need a bachelor degree or higher (highest is associate) and 2 years of experience (has 1 year); salary of 96,000 RMB a year is below 4 × the local average wage (400,000 RMB); 34 points, below 60.",
        'Category C: admitted within the national quota, which an officer confirms.',
      ]);
    });

    it('says so in Chinese as well', () => {
      expect(inChinese(classify(assistant).reasons.slice(1))).toEqual([
        '未达到A类：未入选公认的人才计划；年薪96,000元低于当地平均工资的6倍（600,000元）；积分34分，低于85分。',
        '未达到B类：学历和工作经历须具备学士及以上学位（最高为大专）和2年工作经历（现为1年）；年薪96,000元低于当地平均工资的4倍（400,000元）；积分34分，低于60分。',
        'C类：在国家配额内准入，由工作人员确认配额。',
      ]);
    });
  });

  describe('the points thresholds', () => {
    // Master 15, salary 38 → 17, 10 years → 13, 12 months 15, HSK5 5, Weihai 0, age 30 → 15, patents 5, local 0: 85.
    const at85: TalentProfile = { ...base, education: 'master', annualSalaryCny: 380_000, workExperienceYears: 10, chineseLevel: 'HSK5', extras: { patentHolder: true } };

    it('reaches A at exactly 85 points', () => {
      expect(outcome(classify(at85))).toEqual({ category: 'A', route: 'points', total: 85, eligible: true });
    });

    it('stays in B at 84 points', () => {
      // 9 years → 12 instead of 13: 84. Master and 9 years reach B by degree and experience first.
      expect(outcome(classify({ ...at85, workExperienceYears: 9 }))).toEqual({ category: 'B', route: 'degree_and_experience', total: 84, eligible: true });
    });

    // Associate 0, salary 38 → 17, 10 years → 13, 12 months 15, no Chinese 0, Weihai 0, age 30 → 15, no extras, local 0: 60.
    const at60: TalentProfile = { ...base, annualSalaryCny: 380_000, workExperienceYears: 10 };

    it('reaches B at exactly 60 points', () => {
      expect(outcome(classify(at60))).toEqual({ category: 'B', route: 'points', total: 60, eligible: true });
    });

    it('stays in C at 59 points', () => {
      // 9 years → 12 instead of 13: 59.
      expect(outcome(classify({ ...at60, workExperienceYears: 9 }))).toEqual({ category: 'C', route: 'other', total: 59, eligible: true });
    });
  });

  describe('the salary multiples', () => {
    // Each below: salary 20 from 450,000 (17 in 350,000–449,999), associate 0, 1 year 0, 12 months 15, no Chinese 0,
    // Weihai 0, age 30 → 15, no extras 0, local 0: 50 for 600,000 and 599,999; 47 for 400,000 and 399,999.
    it('reaches A at exactly 6 × the local average wage', () => {
      expect(outcome(classify({ ...base, annualSalaryCny: 600_000 }))).toEqual({ category: 'A', route: 'salary_multiple', total: 50, eligible: true });
    });

    it('stays in B one yuan under 6 ×', () => {
      expect(outcome(classify({ ...base, annualSalaryCny: 599_999 }))).toEqual({ category: 'B', route: 'salary_multiple', total: 50, eligible: true });
    });

    it('reaches B at exactly 4 × the local average wage', () => {
      expect(outcome(classify({ ...base, annualSalaryCny: 400_000 }))).toEqual({ category: 'B', route: 'salary_multiple', total: 47, eligible: true });
    });

    it('stays in C one yuan under 4 ×', () => {
      expect(outcome(classify({ ...base, annualSalaryCny: 399_999 }))).toEqual({ category: 'C', route: 'other', total: 47, eligible: true });
    });

    it('follows the configured local average wage', () => {
      const higherWage = { ...parameters, localAverageAnnualWageCny: 150_000 };
      // 650,000 is under 6 × 150,000 = 900,000 but at least 4 × 150,000 = 600,000.
      expect(classifyTalent(salesDirector, higherWage, { today }).category).toBe('B');
    });
  });

  describe('degree and experience', () => {
    it('reaches B with a bachelor and exactly 2 years', () => {
      // Salary 20 → 11, bachelor 10, 2 years 5, 12 months 15, no Chinese 0, Weihai 0, age 30 → 15: 56.
      expect(outcome(classify({ ...base, education: 'bachelor', workExperienceYears: 2 }))).toEqual({ category: 'B', route: 'degree_and_experience', total: 56, eligible: true });
    });

    it('does not reach B with a bachelor and 1 year', () => {
      // Salary 20 → 11, bachelor 10, 1 year 0, 12 months 15, no Chinese 0, Weihai 0, age 30 → 15: 51.
      expect(outcome(classify({ ...base, education: 'bachelor', workExperienceYears: 1 }))).toEqual({ category: 'C', route: 'other', total: 51, eligible: true });
    });
  });

  describe("category B's maximum age", () => {
    // Salary 30 → 14, bachelor 10, 10 years → 13, 12 months 15, no Chinese 0, Weihai 0, local 0; age as below.
    const senior: TalentProfile = { ...base, education: 'bachelor', workExperienceYears: 10, annualSalaryCny: 300_000 };

    it('admits B on the 60th birthday', () => {
      // Age 60 → 5: 14 + 10 + 13 + 15 + 5 = 57.
      expect(outcome(classify({ ...senior, birthDate: '1966-03-02' }))).toEqual({ category: 'B', route: 'degree_and_experience', total: 57, eligible: true });
    });

    it('admits B the day before the 61st birthday', () => {
      expect(classify({ ...senior, birthDate: '1965-03-03' }).category).toBe('B');
    });

    it('falls to C on the 61st birthday, saying the age limit is why', () => {
      // Age 61 → 0: 14 + 10 + 13 + 15 + 0 = 52.
      const classification = classify({ ...senior, birthDate: '1965-03-02' });
      expect([outcome(classification), classification.reasons[2]]).toEqual([
        { category: 'C', route: 'other', total: 52, eligible: true },
        { code: 'talent.not_reached_b_age', params: { age: 61, today: '2026-03-02', maximumAge: 60, routes: ['degree_and_experience'] } },
      ]);
      expect([render(classification.reasons[2], 'zh'), render(classification.reasons[2], 'en')]).toEqual([
        '未达到B类：2026-03-02时年龄为61周岁，超过B类年龄上限60周岁，尽管通过学历和工作经历可达到B类。',
        "Category B not reached: aged 61 on 2026-03-02, over category B's age limit of 60, although degree and work experience would reach it.",
      ]);
    });

    it('applies to the salary route as well', () => {
      expect(classify({ ...consultant, birthDate: '1965-03-02' }).category).toBe('C');
    });
  });

  describe('the minimum age', () => {
    it('is not eligible the day before the 18th birthday', () => {
      const classification = classify({ ...base, birthDate: '2008-03-03' });
      expect([classification.eligible, inChinese(classification.ineligibleReasons), inEnglish(classification.ineligibleReasons)]).toEqual([
        false,
        ['2026-03-02时年龄为17周岁；申请工作许可须年满18周岁。'],
        ['Aged 17 on 2026-03-02; a work permit needs the applicant to be 18 or over.'],
      ]);
    });

    it('is eligible on the 18th birthday', () => {
      expect(classify({ ...base, birthDate: '2008-03-02' })).toMatchObject({ eligible: true, ineligibleReasons: [] });
    });
  });

  it('refuses input the points table cannot score, saying why in both languages', () => {
    expect(() => classifyTalent(developer, parameters, { today: '2026-02-30' })).toThrow(
      expect.objectContaining({
        code: TalentErrorCode.InvalidDate,
        reason: { code: 'talent.invalid.date', params: { field: 'today', value: '"2026-02-30"' } },
        message: 'today须为真实日期，格式为YYYY-MM-DD，收到的是"2026-02-30" / today must be a real date written YYYY-MM-DD, got "2026-02-30"',
      }),
    );
  });
});
