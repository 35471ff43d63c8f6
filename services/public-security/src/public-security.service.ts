import { AGENCY_REVIEW_ENTITIES, AGENCY_REVIEW_MIGRATIONS } from '@work-permit/agency-review';
import { Topics } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';

export const PublicSecurityService: ServiceDefinition = {
  name: 'public-security',
  defaultPort: 3003,
  produces: Topics.psb,
  consumes: [Topics.portal, Topics.approval, Topics.scitech, Topics.hrss, Topics.sharing],
  entities: AGENCY_REVIEW_ENTITIES,
  migrations: AGENCY_REVIEW_MIGRATIONS,
};
