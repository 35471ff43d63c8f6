import type { ItemPolicy, ItemResultView, RuleFinding } from '@work-permit/agency-review';
import { type CatalogueParameters, type Message, message } from '@work-permit/catalogue';
import type { IsoDate } from '@work-permit/workdays';
import { classifyTalent, type TalentClassification } from './domain';
import { declaredRecognition, talentProfileOf } from './talent-profile.mapping';

/**
 * The talent category step: the points table and category A / B / C by every route, from the
 * catalogue's parameters. A declared talent programme or recognised achievement is only the
 * applicant's word, so it counts (and is flagged for an officer) only when it changes the category.
 */
export const talentCategoryPolicy: ItemPolicy = {
  code: 'TALENT_CATEGORY',

  assess(facts, { parameters, today }) {
    const profile = talentProfileOf(facts.body, parameters);
    const withoutClaim = classifyTalent(profile, parameters, { today });
    const eligibility = minimumAgeFinding(withoutClaim, parameters, today);
    if (!withoutClaim.eligible) return { findings: [eligibility, categoryFinding(withoutClaim)], flags: [] };

    const recognition = declaredRecognition(facts.body);
    if (recognition !== undefined) {
      const withClaim = classifyTalent(profile, parameters, { today, recognisedTalentProgramme: true });
      // A claim can only raise the category; when it does, the category rests on the applicant's word alone.
      if (withClaim.category !== withoutClaim.category) {
        const unverified = message('talent.claim_unverified', { claim: recognition, category: withoutClaim.category });
        return { findings: [eligibility, categoryFinding(withClaim, unverified)], flags: ['talent_programme_claim_unverified'], result: resultOf(withClaim) };
      }
    }
    return { findings: [eligibility, categoryFinding(withoutClaim)], flags: [], result: resultOf(withoutClaim) };
  },
};

function minimumAgeFinding({ eligible, ineligibleReasons }: TalentClassification, parameters: CatalogueParameters, today: IsoDate): RuleFinding {
  return eligible
    ? { rule: 'minimum_age', passed: true, message: message('talent.minimum_age.met', { minimumAge: parameters.talentClassification.minimumAge, today }) }
    : { rule: 'minimum_age', passed: false, message: sentences(ineligibleReasons) };
}

function categoryFinding({ reasons }: TalentClassification, ...notes: Message[]): RuleFinding {
  return { rule: 'talent_category', passed: true, message: sentences([...reasons, ...notes]) };
}

/** Several sentences as one finding; one alone is the finding itself. */
function sentences(parts: Message[]): Message {
  return parts.length === 1 ? parts[0] : message('text.sentences', { parts });
}

function resultOf({ category, route, points }: TalentClassification): ItemResultView {
  const factorScores = Object.fromEntries(points.factors.map((line) => [`points.${line.factor}`, String(line.points)]));
  return { category, points: points.total, attributes: { route, ...factorScores } };
}
