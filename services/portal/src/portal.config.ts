import { ServiceConfig } from '@work-permit/platform';

/** The portal's settings; see README.md. */
export class PortalConfig extends ServiceConfig {}
