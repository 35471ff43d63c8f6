import type { AgencyReviewDefinition } from '@work-permit/agency-review';
import { talentCategoryPolicy } from './talent/talent-category.policy';

/** What the Science and Technology Bureau plugs into the review workflow: the talent category step. */
export const ScienceTechReview: AgencyReviewDefinition = { agency: 'scitech', policies: [talentCategoryPolicy] };
