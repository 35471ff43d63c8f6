import { ServiceConfig } from '@work-permit/platform';

/** The Public Security Bureau's service's settings; see README.md. */
export class PublicSecurityConfig extends ServiceConfig {}
