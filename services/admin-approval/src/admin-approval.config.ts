import { AgencyServiceConfig } from '@work-permit/agency-review';

/** The Administrative Approval Service Bureau's service's settings; see README.md. */
export class AdminApprovalConfig extends AgencyServiceConfig {}
