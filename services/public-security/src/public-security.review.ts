import type { AgencyReviewDefinition } from '@work-permit/agency-review';
import { residencePermitPolicy } from './residence-permit/residence-permit.policy';

/** What the Public Security Bureau plugs into the review workflow: the work-type residence permit. */
export const PublicSecurityReview: AgencyReviewDefinition = { agency: 'psb', policies: [residencePermitPolicy] };
