import { ServiceConfig } from '@work-permit/platform';

/** The Administrative Approval Service Bureau's service's settings; see README.md. */
export class AdminApprovalConfig extends ServiceConfig {}
