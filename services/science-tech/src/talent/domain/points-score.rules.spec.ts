import { type CatalogueParameters, getCatalogue, localize, type Message } from '@work-permit/catalogue';
import { scorePoints } from './points-score.rules';
import { TalentErrorCode } from './talent.exception';
import type { PointsFactor, PointsScore, TalentProfile } from './talent.model';

// The expected points below are worked out by hand from the 2026.1 table (DOMAIN.md), which stays unchanged.
const parameters = getCatalogue('2026.1').parameters;
const today = '2026-03-02';
const HUANCUI = '371002';

// A master's engineer in Weihai. By hand: salary 30 (10k) → 14, master 15, 6 years → 5 + 4 = 9,
// 12 months → 15, HSK3 3, Weihai 0, age 35 → 15, no extras 0, local bonus 0: total 71.
const engineer: TalentProfile = {
  birthDate: '1990-07-20',
  education: 'master',
  workExperienceYears: 6,
  annualSalaryCny: 300_000,
  monthsPerYearInChina: 12,
  chineseLevel: 'HSK3',
  workLocation: HUANCUI,
};

function score(change: Partial<TalentProfile> = {}, withParameters: CatalogueParameters = parameters, on = today): PointsScore {
  return scorePoints({ ...engineer, ...change }, withParameters, { today: on });
}

function pointsFor(factor: PointsFactor, change: Partial<TalentProfile>, withParameters?: CatalogueParameters, on?: string): number {
  const found = score(change, withParameters, on).factors.filter((line) => line.factor === factor);
  expect(found).toHaveLength(1);
  return found[0].points;
}

function withPoints(change: Partial<CatalogueParameters['points']>): CatalogueParameters {
  return { ...parameters, points: { ...parameters.points, ...change } };
}

describe(scorePoints.name, () => {
  describe('the score', () => {
    it('records every factor in the order of the points table, with what it read and what it scored', () => {
      expect(score().factors).toEqual([
        { factor: 'annual_salary', input: 300_000, points: 14 },
        { factor: 'education', input: 'master', points: 15 },
        { factor: 'work_experience', input: 6, points: 9 },
        { factor: 'months_in_china', input: 12, points: 15 },
        { factor: 'chinese_level', input: 'HSK3', points: 3 },
        { factor: 'work_location', input: HUANCUI, points: 0 },
        { factor: 'age', input: 35, points: 15 },
        { factor: 'extras', input: [], points: 0 },
        { factor: 'local_bonus', input: 0, points: 0 },
      ]);
    });

    it('totals the factors', () => {
      // 14 + 15 + 9 + 15 + 3 + 0 + 15 + 0 + 0 = 71
      expect(score().total).toBe(71);
    });

    it('scores a maximal applicant in Weihai, where the work location scores nothing', () => {
      // PhD 20, salary 20, 25 years → capped 20, 12 months 15, HSK6 5, Weihai 0, age 39 → 15, four extras → capped 5,
      // local bonus 10: 20 + 20 + 20 + 15 + 5 + 0 + 15 + 5 + 10 = 110.
      const maximal = score({
        birthDate: '1986-05-10',
        education: 'doctorate',
        workExperienceYears: 25,
        annualSalaryCny: 1_000_000,
        chineseLevel: 'HSK6',
        extras: { topOverseasUniversity: true, fortuneGlobal500Employer: true, patentHolder: true, continuousYearsWorkingInChina: 8 },
        localBonus: 10,
      });
      expect(maximal.total).toBe(110);
    });

    it('reaches exactly the maximum of 120 when every factor is at its highest', () => {
      // As above plus a designated work location 10: 110 + 10 = 120, the table's maximum.
      const designated = withPoints({ workLocation: { ...parameters.points.workLocation, designatedLocations: [HUANCUI] } });
      const maximal = score(
        {
          birthDate: '1986-05-10',
          education: 'doctorate',
          workExperienceYears: 25,
          annualSalaryCny: 1_000_000,
          chineseLevel: 'HSK6',
          extras: { patentHolder: true },
          localBonus: 10,
        },
        designated,
      );
      expect(maximal.total).toBe(120);
    });

    it('caps the total at the table maximum while each factor keeps its own score', () => {
      // The factors sum to 14 + 15 + 9 + 15 + 3 + 0 + 15 + 0 + 0 = 71 against a configured maximum of 70.
      const capped = score({}, withPoints({ maximumTotal: 70 }));
      expect([capped.total, capped.factors.reduce((sum, { points }) => sum + points, 0)]).toEqual([70, 71]);
    });
  });

  describe('annual salary', () => {
    it.each([
      [1_000_000, 20],
      [450_000, 20],
      [449_999, 17],
      [350_000, 17],
      [349_999, 14],
      [250_000, 14],
      [249_999, 11],
      [150_000, 11],
      [149_999, 8],
      [70_000, 8],
      [69_999, 5],
      [50_000, 5],
      [49_999, 0],
      [0, 0],
    ])('scores %i RMB a year %i points', (annualSalaryCny, points) => {
      expect(pointsFor('annual_salary', { annualSalaryCny })).toBe(points);
    });
  });

  describe('education', () => {
    it.each([
      ['doctorate', 20],
      ['master', 15],
      ['bachelor', 10],
      ['associate', 0],
      ['none', 0],
    ] as const)('scores %s %i points', (education, points) => {
      expect(pointsFor('education', { education })).toBe(points);
    });
  });

  describe('work experience', () => {
    it.each([
      [0, 0],
      [1, 0],
      [2, 5],
      [3, 6],
      [10, 13],
      [17, 20],
      [18, 20],
      [40, 20],
    ])('scores %i years %i points', (workExperienceYears, points) => {
      expect(pointsFor('work_experience', { workExperienceYears })).toBe(points);
    });

    it('counts whole years only', () => {
      expect([pointsFor('work_experience', { workExperienceYears: 1.9 }), pointsFor('work_experience', { workExperienceYears: 2.9 })]).toEqual([0, 5]);
    });
  });

  describe('months a year in China', () => {
    it.each([
      [0, 0],
      [2, 0],
      [3, 5],
      [5, 5],
      [6, 10],
      [8, 10],
      [9, 15],
      [12, 15],
    ])('scores %i months %i points', (monthsPerYearInChina, points) => {
      expect(pointsFor('months_in_china', { monthsPerYearInChina })).toBe(points);
    });
  });

  describe('Chinese', () => {
    it.each([
      ['none', 0],
      ['HSK1', 1],
      ['HSK2', 2],
      ['HSK3', 3],
      ['HSK4', 4],
      ['HSK5', 5],
      ['HSK6', 5],
      ['chinese-degree', 5],
    ] as const)('scores %s %i points', (chineseLevel, points) => {
      expect(pointsFor('chinese_level', { chineseLevel })).toBe(points);
    });
  });

  describe('work location', () => {
    it('scores nothing in Weihai', () => {
      expect(pointsFor('work_location', { workLocation: HUANCUI })).toBe(0);
    });

    it('scores 10 in a designated region', () => {
      const lanzhou = '620100';
      const designated = withPoints({ workLocation: { ...parameters.points.workLocation, designatedLocations: [lanzhou] } });
      expect(pointsFor('work_location', { workLocation: lanzhou }, designated)).toBe(10);
    });
  });

  describe('age', () => {
    it.each([
      ['2008-03-03', 17, 0],
      ['2008-03-02', 18, 10],
      ['2001-03-02', 25, 10],
      ['2000-03-03', 25, 10],
      ['2000-03-02', 26, 15],
      ['1981-03-02', 45, 15],
      ['1980-03-03', 45, 15],
      ['1980-03-02', 46, 10],
      ['1971-03-02', 55, 10],
      ['1970-03-03', 55, 10],
      ['1970-03-02', 56, 5],
      ['1966-03-02', 60, 5],
      ['1965-03-03', 60, 5],
      ['1965-03-02', 61, 0],
      ['1950-01-01', 76, 0],
    ])('born %s: aged %i on 2026-03-02, %i points', (birthDate, age, points) => {
      const line = score({ birthDate }).factors.find((factor) => factor.factor === 'age');
      expect(line).toEqual({ factor: 'age', input: age, points });
    });

    it('turns 26 on 1 March in a common year for someone born on 29 February', () => {
      expect([pointsFor('age', { birthDate: '2000-02-29' }, parameters, '2026-02-28'), pointsFor('age', { birthDate: '2000-02-29' }, parameters, '2026-03-01')]).toEqual([10, 15]);
    });
  });

  describe('extras', () => {
    it('scores nothing without extras', () => {
      expect(pointsFor('extras', { extras: {} })).toBe(0);
    });

    it('scores 5 for one extra and records it', () => {
      const line = score({ extras: { fortuneGlobal500Employer: true } }).factors.find((factor) => factor.factor === 'extras');
      expect(line).toEqual({ factor: 'extras', input: ['fortune_global_500_employer'], points: 5 });
    });

    it('caps every extra together at 5 and records each of them', () => {
      const line = score({ extras: { topOverseasUniversity: true, fortuneGlobal500Employer: true, patentHolder: true, continuousYearsWorkingInChina: 5 } }).factors.find(
        (factor) => factor.factor === 'extras',
      );
      expect(line).toEqual({ factor: 'extras', input: ['top_overseas_university', 'fortune_global_500_employer', 'patents', 'continuous_work_in_china'], points: 5 });
    });

    it('counts continuous work in China from 5 years, not 4', () => {
      expect([
        pointsFor('extras', { extras: { continuousYearsWorkingInChina: 4 } }),
        pointsFor('extras', { extras: { continuousYearsWorkingInChina: 5 } }),
      ]).toEqual([0, 5]);
    });

    it('ignores a claim set to false', () => {
      expect(pointsFor('extras', { extras: { topOverseasUniversity: false, patentHolder: false } })).toBe(0);
    });
  });

  describe('local bonus', () => {
    it('takes the catalogue default, 0, when none is awarded', () => {
      expect(pointsFor('local_bonus', {})).toBe(0);
    });

    it('scores the bonus awarded, up to 10', () => {
      expect(pointsFor('local_bonus', { localBonus: 10 })).toBe(10);
    });

    it('refuses a bonus above the configured range, saying why in both languages', () => {
      expect(() => score({ localBonus: 11 })).toThrow(
        expect.objectContaining({ code: TalentErrorCode.InvalidArgument, reason: { code: 'talent.invalid.number', params: { field: 'localBonus', minimum: 0, maximum: 10, value: '11' } } }),
      );
      expect(localize(reasonOf(() => score({ localBonus: 11 })))).toEqual({
        zh: 'localBonus须为0至10之间的数字，收到的是11',
        en: 'localBonus must be a number from 0 to 10, got 11',
      });
    });
  });

  describe('input it cannot score', () => {
    it('refuses a date that is not a real calendar date', () => {
      expect(() => score({ birthDate: '1990-02-30' })).toThrow(expect.objectContaining({ code: TalentErrorCode.InvalidDate }));
    });

    it('refuses a malformed today', () => {
      expect(() => score({}, parameters, '2026-3-2')).toThrow(expect.objectContaining({ code: TalentErrorCode.InvalidDate }));
    });

    it('refuses a birth date after today', () => {
      expect(() => score({ birthDate: '2026-03-03' })).toThrow(expect.objectContaining({ code: TalentErrorCode.InvalidArgument }));
      expect(localize(reasonOf(() => score({ birthDate: '2026-03-03' })))).toEqual({
        zh: '出生日期2026-03-03晚于今天（2026-03-02）',
        en: 'birthDate 2026-03-03 is after today (2026-03-02)',
      });
    });

    it('names the values it knows when it refuses one it does not', () => {
      expect(localize(reasonOf(() => score({ education: 'phd' } as unknown as Partial<TalentProfile>)))).toEqual({
        zh: 'education须为doctorate、master、bachelor、associate、none之一，收到的是"phd"',
        en: 'education must be one of doctorate, master, bachelor, associate, none, got "phd"',
      });
      expect(localize(reasonOf(() => score({ annualSalaryCny: -1 })))).toEqual({
        zh: 'annualSalaryCny须为不小于0的数字，收到的是-1',
        en: 'annualSalaryCny must be a number at least 0, got -1',
      });
    });

    it.each([
      ['an unknown education', { education: 'phd' }],
      ['an unknown Chinese level', { chineseLevel: 'HSK7' }],
      ['a negative salary', { annualSalaryCny: -1 }],
      ['a salary that is not a number', { annualSalaryCny: '300000' }],
      ['negative experience', { workExperienceYears: -1 }],
      ['more than 12 months a year', { monthsPerYearInChina: 13 }],
      ['negative continuous years in China', { extras: { continuousYearsWorkingInChina: -1 } }],
    ])('refuses %s', (_case, change) => {
      expect(() => score(change as unknown as Partial<TalentProfile>)).toThrow(expect.objectContaining({ code: TalentErrorCode.InvalidArgument }));
    });
  });
});

/** The catalogue message a refusal carries. */
function reasonOf(run: () => unknown): Message {
  try {
    run();
  } catch (error) {
    return (error as { reason: Message }).reason;
  }
  throw new Error('expected a refusal');
}
