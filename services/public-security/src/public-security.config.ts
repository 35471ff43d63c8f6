import { AgencyServiceConfig } from '@work-permit/agency-review';

/** The Public Security Bureau's service's settings; see README.md. */
export class PublicSecurityConfig extends AgencyServiceConfig {}
