import { AGENCY_REVIEW_ENTITIES, AGENCY_REVIEW_MIGRATIONS } from '@work-permit/agency-review';
import { Topics } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';

export const HrSocialSecurityService: ServiceDefinition = {
  name: 'hr-social-security',
  defaultPort: 3004,
  produces: Topics.hrss,
  consumes: [Topics.portal, Topics.approval, Topics.scitech, Topics.psb, Topics.sharing],
  entities: AGENCY_REVIEW_ENTITIES,
  migrations: AGENCY_REVIEW_MIGRATIONS,
};
