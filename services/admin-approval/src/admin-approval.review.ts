import type { AgencyReviewDefinition } from '@work-permit/agency-review';
import { workPermitPolicy } from './work-permit/work-permit.policy';

/** The items the Administrative Approval Service Bureau decides in the shared review workflow; it also leads joint reviews. */
export const AdminApprovalReview: AgencyReviewDefinition = { agency: 'approval', policies: [workPermitPolicy], leadsJointReview: true };
