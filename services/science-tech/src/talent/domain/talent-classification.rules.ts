import { ageOn } from '@work-permit/workdays';
import type { CatalogueParameters, Education } from '@work-permit/catalogue';
import { scorePoints } from './points-score.rules';
import type { ClassificationOptions, PointsFactor, PointsScore, TalentClassification, TalentProfile, TalentRoute } from './talent.model';

const EDUCATION_ORDER: readonly Education[] = ['none', 'associate', 'bachelor', 'master', 'doctorate'];

const FACTOR_NAMES: Record<PointsFactor, string> = {
  annual_salary: 'annual salary',
  education: 'education',
  work_experience: 'work experience',
  months_in_china: 'months in China',
  chinese_level: 'Chinese',
  work_location: 'work location',
  age: 'age',
  extras: 'extras',
  local_bonus: 'local bonus',
};

const ROUTE_NAMES: Record<TalentRoute, string> = {
  talent_programme: 'a recognised talent programme',
  salary_multiple: 'salary',
  points: 'points',
  degree_and_experience: 'degree and experience',
  other: 'the national quota',
};

interface RouteCheck {
  route: TalentRoute;
  met: boolean;
  /** A sentence when met; otherwise a clause saying why not. */
  reason: string;
}

/**
 * The talent category of a profile at `today`, with the points behind it.
 *
 * Precedence: the highest category any route reaches. A is checked first (talent programme, salary
 * multiple, points), then B (degree and experience, salary multiple, points), and C is what is left.
 * Within a category the first route met, in that order, is `route`: routes that rest on a document
 * (a programme's letter, a diploma, the contract's salary) come before the composite score. Every
 * route met is still given in `reasons`.
 *
 * A has no upper age. B's maximum age applies to the whole category, whichever route reaches it, as
 * the classification standard sets it for category B (and the work permit rules check it for every B).
 * Under the minimum age the profile is still classified, so the officer sees everything, but it is
 * not `eligible`.
 */
export function classifyTalent(profile: TalentProfile, parameters: CatalogueParameters, options: ClassificationOptions): TalentClassification {
  const points = scorePoints(profile, parameters, options);
  const { today } = options;
  const age = ageOn(profile.birthDate, today);
  const { minimumAge, categoryB } = parameters.talentClassification;
  const ineligibleReasons = age >= minimumAge ? [] : [`Aged ${age} on ${today}; a work permit needs the applicant to be ${minimumAge} or over.`];
  const classified = (category: TalentClassification['category'], route: TalentRoute, reasons: string[]): TalentClassification => ({
    category,
    route,
    points,
    reasons: [pointsSummary(points, parameters), ...reasons],
    eligible: ineligibleReasons.length === 0,
    ineligibleReasons,
  });

  const routesA = categoryARoutes(profile, points, parameters, options);
  const metA = routesA.filter(({ met }) => met);
  if (metA.length > 0) return classified('A', metA[0].route, metA.map(({ reason }) => reason));
  const notA = `Category A not reached: ${routesA.map(({ reason }) => reason).join('; ')}.`;

  const routesB = categoryBRoutes(profile, points, parameters);
  const metB = routesB.filter(({ met }) => met);
  const withinAgeB = age <= categoryB.maximumAge;
  if (metB.length > 0 && withinAgeB) return classified('B', metB[0].route, [notA, ...metB.map(({ reason }) => reason)]);
  const notB = withinAgeB
    ? `Category B not reached: ${routesB.map(({ reason }) => reason).join('; ')}.`
    : `Category B not reached: aged ${age} on ${today}, over category B's age limit of ${categoryB.maximumAge}` +
      (metB.length > 0 ? `, although ${metB.map(({ route }) => ROUTE_NAMES[route]).join(' and ')} would reach it.` : '.');

  return classified('C', 'other', [notA, notB, 'Category C: admitted within the national quota, which an officer confirms.']);
}

function categoryARoutes(profile: TalentProfile, points: PointsScore, parameters: CatalogueParameters, options: ClassificationOptions): RouteCheck[] {
  const { categoryA } = parameters.talentClassification;
  const programme = options.recognisedTalentProgramme === true;
  return [
    {
      route: 'talent_programme',
      met: programme,
      reason: programme ? 'Category A through a recognised talent programme.' : 'not selected by a recognised talent programme',
    },
    salaryRoute('A', profile, categoryA.salaryMultipleOfLocalAverage, parameters),
    pointsRoute('A', points, categoryA.minimumPoints),
  ];
}

function categoryBRoutes(profile: TalentProfile, points: PointsScore, parameters: CatalogueParameters): RouteCheck[] {
  const { categoryB } = parameters.talentClassification;
  return [degreeAndExperienceRoute(profile, parameters), salaryRoute('B', profile, categoryB.salaryMultipleOfLocalAverage, parameters), pointsRoute('B', points, categoryB.minimumPoints)];
}

function salaryRoute(category: 'A' | 'B', { annualSalaryCny }: TalentProfile, multiple: number, parameters: CatalogueParameters): RouteCheck {
  const needed = multiple * parameters.localAverageAnnualWageCny;
  const threshold = `${multiple} × the local average wage (${rmb(needed)})`;
  return annualSalaryCny >= needed
    ? { route: 'salary_multiple', met: true, reason: `Category ${category} through salary: ${rmb(annualSalaryCny)} a year, at least ${threshold}.` }
    : { route: 'salary_multiple', met: false, reason: `salary of ${rmb(annualSalaryCny)} a year is below ${threshold}` };
}

function pointsRoute(category: 'A' | 'B', { total }: PointsScore, minimumPoints: number): RouteCheck {
  return total >= minimumPoints
    ? { route: 'points', met: true, reason: `Category ${category} through points: ${total}, at least ${minimumPoints}.` }
    : { route: 'points', met: false, reason: `${total} points, below ${minimumPoints}` };
}

function degreeAndExperienceRoute({ education, workExperienceYears }: TalentProfile, parameters: CatalogueParameters): RouteCheck {
  const { minimumEducation, minimumExperienceYears } = parameters.talentClassification.categoryB;
  const degreeMet = EDUCATION_ORDER.indexOf(education) >= EDUCATION_ORDER.indexOf(minimumEducation);
  const experienceMet = workExperienceYears >= minimumExperienceYears;
  if (degreeMet && experienceMet) {
    return {
      route: 'degree_and_experience',
      met: true,
      reason: `Category B through degree and experience: a ${education} degree and ${years(workExperienceYears)} of experience, at least a ${minimumEducation} degree and ${years(minimumExperienceYears)}.`,
    };
  }
  const missing = [
    ...(degreeMet ? [] : [`a ${minimumEducation} degree or higher (highest is ${education})`]),
    ...(experienceMet ? [] : [`${years(minimumExperienceYears)} of experience (has ${years(workExperienceYears)})`]),
  ];
  return { route: 'degree_and_experience', met: false, reason: `degree and experience need ${missing.join(' and ')}` };
}

function pointsSummary({ total, factors }: PointsScore, parameters: CatalogueParameters): string {
  const lines = factors.map(({ factor, points }) => `${FACTOR_NAMES[factor]} ${points}`).join(', ');
  return `Points: ${total} of ${parameters.points.maximumTotal} (${lines}).`;
}

function rmb(amount: number): string {
  return `${amount.toLocaleString('en-US')} RMB`;
}

function years(count: number): string {
  return count === 1 ? '1 year' : `${count} years`;
}
