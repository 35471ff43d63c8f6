import { ServiceConfig } from '@work-permit/platform';

/** The Big Data Bureau's service's settings; see README.md. */
export class DataSharingConfig extends ServiceConfig {}
