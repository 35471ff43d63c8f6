import { ageOn } from '@work-permit/workdays';
import { type CatalogueParameters, type Message, message, type PointsBand, type PointsTable } from '@work-permit/catalogue';
import { asReceived, assertIsoDate } from './civil-date';
import { TalentError, TalentErrorCode } from './talent.exception';
import type { PointsFactorScore, PointsScore, ScoringOptions, TalentExtra, TalentExtras, TalentProfile } from './talent.model';

const MONTHS_PER_YEAR = 12;

/**
 * The foreigners' work permit points table on a profile at `today`: every factor with what it read
 * and what it scored, and the total capped at the table's maximum. Every band, score and cap comes
 * from `parameters.points`.
 */
export function scorePoints(profile: TalentProfile, parameters: CatalogueParameters, { today }: ScoringOptions): PointsScore {
  const table = parameters.points;
  assertProfile(profile, table, today);

  const extras = qualifyingExtras(profile.extras ?? {}, table);
  const localBonus = profile.localBonus ?? table.localBonus.default;
  const age = ageOn(profile.birthDate, today);
  const factors: PointsFactorScore[] = [
    { factor: 'annual_salary', input: profile.annualSalaryCny, points: bandPoints(profile.annualSalaryCny, table.annualSalary.bands, table.annualSalary.unitCny) },
    { factor: 'education', input: profile.education, points: table.education[profile.education] },
    { factor: 'work_experience', input: profile.workExperienceYears, points: experiencePoints(profile.workExperienceYears, table) },
    { factor: 'months_in_china', input: profile.monthsPerYearInChina, points: bandPoints(profile.monthsPerYearInChina, table.monthsPerYearInChina.bands) },
    { factor: 'chinese_level', input: profile.chineseLevel, points: table.chineseLevel[profile.chineseLevel] },
    {
      factor: 'work_location',
      input: profile.workLocation,
      points: table.workLocation.designatedLocations.includes(profile.workLocation) ? table.workLocation.designatedRegionPoints : 0,
    },
    { factor: 'age', input: age, points: bandPoints(age, table.age.bands) },
    // The table scores each extra at the factor's maximum (5 of at most 5), so one qualifying extra reaches the cap.
    { factor: 'extras', input: extras, points: extras.length > 0 ? table.extras.maximum : 0 },
    { factor: 'local_bonus', input: localBonus, points: localBonus },
  ];
  const sum = factors.reduce((total, { points }) => total + points, 0);
  return { total: Math.min(sum, table.maximumTotal), factors };
}

/** The points of the highest band `value` reaches; below every band scores nothing (an age under the minimum). */
function bandPoints(value: number, bands: readonly PointsBand[], unit = 1): number {
  // Compared in the value's own unit, so 450,000 RMB against 45 × 10,000 is exact, with no division.
  const band = [...bands].sort((a, b) => b.atLeast - a.atLeast).find(({ atLeast }) => value >= atLeast * unit);
  return band?.points ?? 0;
}

function experiencePoints(years: number, table: PointsTable): number {
  const { minimumYears, pointsAtMinimum, pointsPerFurtherYear, maximum } = table.workExperience;
  // "+1 per further year": a part year adds nothing.
  const wholeYears = Math.floor(years);
  if (wholeYears < minimumYears) return 0;
  return Math.min(maximum, pointsAtMinimum + (wholeYears - minimumYears) * pointsPerFurtherYear);
}

function qualifyingExtras(extras: TalentExtras, table: PointsTable): TalentExtra[] {
  const qualifying: [TalentExtra, boolean][] = [
    ['top_overseas_university', extras.topOverseasUniversity === true],
    ['fortune_global_500_employer', extras.fortuneGlobal500Employer === true],
    ['patents', extras.patentHolder === true],
    ['continuous_work_in_china', (extras.continuousYearsWorkingInChina ?? 0) >= table.extras.continuousWorkInChinaYears],
  ];
  return qualifying.filter(([, qualifies]) => qualifies).map(([extra]) => extra);
}

// The profile usually comes from a case body (JSON), so its values are checked here, not trusted.
function assertProfile(profile: TalentProfile, table: PointsTable, today: string): void {
  assertIsoDate(today, 'today');
  assertIsoDate(profile.birthDate, 'birthDate');
  if (profile.birthDate > today) invalid(message('talent.invalid.born_after_today', { birthDate: profile.birthDate, today }));
  assertOneOf(profile.education, 'education', Object.keys(table.education));
  assertOneOf(profile.chineseLevel, 'chineseLevel', Object.keys(table.chineseLevel));
  if (typeof profile.workLocation !== 'string') invalid(message('talent.invalid.area_code', { field: 'workLocation', value: asReceived(profile.workLocation) }));
  assertWithin(profile.annualSalaryCny, 'annualSalaryCny', 0, Number.POSITIVE_INFINITY);
  assertWithin(profile.workExperienceYears, 'workExperienceYears', 0, Number.POSITIVE_INFINITY);
  assertWithin(profile.monthsPerYearInChina, 'monthsPerYearInChina', 0, MONTHS_PER_YEAR);
  if (profile.extras?.continuousYearsWorkingInChina !== undefined) {
    assertWithin(profile.extras.continuousYearsWorkingInChina, 'extras.continuousYearsWorkingInChina', 0, Number.POSITIVE_INFINITY);
  }
  if (profile.localBonus !== undefined) assertWithin(profile.localBonus, 'localBonus', table.localBonus.minimum, table.localBonus.maximum);
}

function assertOneOf(value: unknown, field: string, allowed: string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) invalid(message('talent.invalid.not_one_of', { field, allowed, value: asReceived(value) }));
}

function assertWithin(value: unknown, field: string, minimum: number, maximum: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum || value > maximum) {
    invalid(message('talent.invalid.number', { field, minimum, maximum: maximum === Number.POSITIVE_INFINITY ? undefined : maximum, value: asReceived(value) }));
  }
}

function invalid(reason: Message): never {
  throw new TalentError(TalentErrorCode.InvalidArgument, reason);
}
