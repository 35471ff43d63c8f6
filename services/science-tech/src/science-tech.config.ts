import { ServiceConfig } from '@work-permit/platform';

/** The Science and Technology Bureau's service's settings; see README.md. */
export class ScienceTechConfig extends ServiceConfig {}
