import type { ChineseLevel, Education, Message, TalentCategory } from '@work-permit/catalogue';
import type { IsoDate } from '@work-permit/workdays';

/** The extras the points table rewards (top overseas university, Fortune Global 500, patents, long continuous work in China). */
export interface TalentExtras {
  topOverseasUniversity?: boolean;
  fortuneGlobal500Employer?: boolean;
  patentHolder?: boolean;
  /** Whole years of continuous work in China so far; it counts from `points.extras.continuousWorkInChinaYears`. */
  continuousYearsWorkingInChina?: number;
}

/** What the points table and the category routes read about an applicant and the job offered. */
export interface TalentProfile {
  birthDate: IsoDate;
  /** Highest degree; a top vocational certificate counts as `doctorate`, as the points table scores them alike. */
  education: Education;
  /** Years of relevant work experience; the table counts whole years. */
  workExperienceYears: number;
  annualSalaryCny: number;
  monthsPerYearInChina: number;
  chineseLevel: ChineseLevel;
  /** The work location's area code (`employment.workLocation`, e.g. `371002`). */
  workLocation: string;
  extras?: TalentExtras;
  /** Awarded by the province to urgently needed special talent; the catalogue's default when absent. */
  localBonus?: number;
}

export type TalentExtra = 'top_overseas_university' | 'fortune_global_500_employer' | 'patents' | 'continuous_work_in_china';

/** One line of the points table: what the factor read and what it scored. */
export type PointsFactorScore =
  | { factor: 'annual_salary'; /** RMB a year */ input: number; points: number }
  | { factor: 'education'; input: Education; points: number }
  | { factor: 'work_experience'; /** years, as given */ input: number; points: number }
  | { factor: 'months_in_china'; input: number; points: number }
  | { factor: 'chinese_level'; input: ChineseLevel; points: number }
  | { factor: 'work_location'; input: string; points: number }
  | { factor: 'age'; /** whole years on the day of scoring */ input: number; points: number }
  | { factor: 'extras'; /** the extras that qualified */ input: TalentExtra[]; points: number }
  | { factor: 'local_bonus'; input: number; points: number };

export type PointsFactor = PointsFactorScore['factor'];

export interface PointsScore {
  /** The sum of the factors, capped at the table's maximum. */
  total: number;
  /** Every factor in the order of the points table, each with its own score. */
  factors: PointsFactorScore[];
}

export interface ScoringOptions {
  /** The day the points are computed on; age is counted at this day. */
  today: IsoDate;
}

export interface ClassificationOptions extends ScoringOptions {
  /** The applicant is selected by a recognised talent programme or holds a recognised achievement (checked by the bureau). */
  recognisedTalentProgramme?: boolean;
}

/** How the category was reached; `other` is category C, admitted within the national quota. */
export type TalentRoute = 'talent_programme' | 'salary_multiple' | 'points' | 'degree_and_experience' | 'other';

export interface TalentClassification {
  category: TalentCategory;
  /** The first route, in order of precedence, that reaches `category`. */
  route: TalentRoute;
  points: PointsScore;
  /** For officers, as catalogue messages: the points, every route that reaches the category and why higher categories were not reached. */
  reasons: Message[];
  /** False when the applicant cannot hold a work permit at all (under the minimum age), whatever the category. */
  eligible: boolean;
  /** For officers, as catalogue messages; empty when eligible. */
  ineligibleReasons: Message[];
}
