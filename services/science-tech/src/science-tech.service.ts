import { AGENCY_REVIEW_ENTITIES, AGENCY_REVIEW_MIGRATIONS } from '@work-permit/agency-review';
import { Topics } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';

export const ScienceTechService: ServiceDefinition = {
  name: 'science-tech',
  defaultPort: 3002,
  produces: Topics.scitech,
  consumes: [Topics.portal, Topics.approval, Topics.psb, Topics.hrss, Topics.sharing],
  entities: AGENCY_REVIEW_ENTITIES,
  migrations: AGENCY_REVIEW_MIGRATIONS,
};
