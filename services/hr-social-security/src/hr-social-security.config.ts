import { ServiceConfig } from '@work-permit/platform';

/** The HR and Social Security Bureau's service's settings; see README.md. */
export class HrSocialSecurityConfig extends ServiceConfig {}
