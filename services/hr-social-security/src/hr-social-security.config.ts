import { AgencyServiceConfig } from '@work-permit/agency-review';

/** The HR and Social Security Bureau's service's settings; see README.md. */
export class HrSocialSecurityConfig extends AgencyServiceConfig {}
