import type { AgencyReviewDefinition } from '@work-permit/agency-review';
import { eSocialSecurityCardPolicy } from './social-security/e-social-security-card.policy';
import { professionalTitlePolicy } from './social-security/professional-title.policy';
import { socialInsurancePolicy } from './social-security/social-insurance.policy';

/** The HR and Social Security Bureau's items in the shared review workflow. */
export const HrSocialSecurityReview: AgencyReviewDefinition = {
  agency: 'hrss',
  policies: [socialInsurancePolicy, professionalTitlePolicy, eSocialSecurityCardPolicy],
};
