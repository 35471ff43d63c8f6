import { AgencyServiceConfig } from '@work-permit/agency-review';

/** The Science and Technology Bureau's service's settings; see README.md. */
export class ScienceTechConfig extends AgencyServiceConfig {}
