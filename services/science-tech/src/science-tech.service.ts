import { AGENCY_REVIEW_ENTITIES, AGENCY_REVIEW_MIGRATIONS, reviewCaseLockKey } from '@work-permit/agency-review';
import { TOPOLOGY } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';

export const ScienceTechService: ServiceDefinition = {
  name: 'science-tech',
  defaultPort: 3002,
  ...TOPOLOGY['science-tech'],
  caseLockKey: reviewCaseLockKey,
  entities: AGENCY_REVIEW_ENTITIES,
  migrations: AGENCY_REVIEW_MIGRATIONS,
};
