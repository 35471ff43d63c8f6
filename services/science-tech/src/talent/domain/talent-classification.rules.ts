import { ageOn } from '@work-permit/workdays';
import { type CatalogueParameters, type Education, type Message, message } from '@work-permit/catalogue';
import { scorePoints } from './points-score.rules';
import type { ClassificationOptions, PointsScore, TalentClassification, TalentProfile, TalentRoute } from './talent.model';

const EDUCATION_ORDER: readonly Education[] = ['none', 'associate', 'bachelor', 'master', 'doctorate'];

interface RouteCheck {
  route: TalentRoute;
  met: boolean;
  /** A sentence when met; otherwise a clause saying why not (joined into `talent.not_reached`). */
  reason: Message;
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
  const ineligibleReasons = age >= minimumAge ? [] : [message('talent.minimum_age.unmet', { age, today, minimumAge })];
  const classified = (category: TalentClassification['category'], route: TalentRoute, reasons: Message[]): TalentClassification => ({
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
  const notA = message('talent.not_reached', { category: 'A', reasons: routesA.map(({ reason }) => reason) });

  const routesB = categoryBRoutes(profile, points, parameters);
  const metB = routesB.filter(({ met }) => met);
  const withinAgeB = age <= categoryB.maximumAge;
  if (metB.length > 0 && withinAgeB) return classified('B', metB[0].route, [notA, ...metB.map(({ reason }) => reason)]);
  const notB = withinAgeB
    ? message('talent.not_reached', { category: 'B', reasons: routesB.map(({ reason }) => reason) })
    : message('talent.not_reached_b_age', { age, today, maximumAge: categoryB.maximumAge, routes: metB.map(({ route }) => route) });

  return classified('C', 'other', [notA, notB, message('talent.category_c')]);
}

function categoryARoutes(profile: TalentProfile, points: PointsScore, parameters: CatalogueParameters, options: ClassificationOptions): RouteCheck[] {
  const { categoryA } = parameters.talentClassification;
  const programme = options.recognisedTalentProgramme === true;
  return [
    {
      route: 'talent_programme',
      met: programme,
      reason: programme ? message('talent.route.programme_met') : message('talent.route.programme_unmet'),
    },
    salaryRoute('A', profile, categoryA.salaryMultipleOfLocalAverage, parameters),
    pointsRoute('A', points, categoryA.minimumPoints),
  ];
}

function categoryBRoutes(profile: TalentProfile, points: PointsScore, parameters: CatalogueParameters): RouteCheck[] {
  const { categoryB } = parameters.talentClassification;
  return [degreeAndExperienceRoute(profile, parameters), salaryRoute('B', profile, categoryB.salaryMultipleOfLocalAverage, parameters), pointsRoute('B', points, categoryB.minimumPoints)];
}

function salaryRoute(category: 'A' | 'B', { annualSalaryCny: salary }: TalentProfile, multiple: number, parameters: CatalogueParameters): RouteCheck {
  const needed = multiple * parameters.localAverageAnnualWageCny;
  return salary >= needed
    ? { route: 'salary_multiple', met: true, reason: message('talent.route.salary_met', { category, salary, multiple, needed }) }
    : { route: 'salary_multiple', met: false, reason: message('talent.route.salary_unmet', { salary, multiple, needed }) };
}

function pointsRoute(category: 'A' | 'B', { total }: PointsScore, minimumPoints: number): RouteCheck {
  return total >= minimumPoints
    ? { route: 'points', met: true, reason: message('talent.route.points_met', { category, total, minimumPoints }) }
    : { route: 'points', met: false, reason: message('talent.route.points_unmet', { total, minimumPoints }) };
}

function degreeAndExperienceRoute({ education, workExperienceYears: years }: TalentProfile, parameters: CatalogueParameters): RouteCheck {
  const { minimumEducation, minimumExperienceYears: minimumYears } = parameters.talentClassification.categoryB;
  const degreeMet = EDUCATION_ORDER.indexOf(education) >= EDUCATION_ORDER.indexOf(minimumEducation);
  const experienceMet = years >= minimumYears;
  const facts = { education, years, minimumEducation, minimumYears };
  return degreeMet && experienceMet
    ? { route: 'degree_and_experience', met: true, reason: message('talent.route.degree_met', facts) }
    : { route: 'degree_and_experience', met: false, reason: message('talent.route.degree_unmet', { ...facts, degreeShort: !degreeMet, experienceShort: !experienceMet }) };
}

function pointsSummary({ total, factors }: PointsScore, parameters: CatalogueParameters): Message {
  return message('talent.points_summary', {
    total,
    maximum: parameters.points.maximumTotal,
    factors: factors.map(({ factor, points }) => message('talent.points_factor', { factor, points })),
  });
}
