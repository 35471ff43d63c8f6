import { AGENCY_REVIEW_ENTITIES, AGENCY_REVIEW_MIGRATIONS, reviewCaseLockKey } from '@work-permit/agency-review';
import { TOPOLOGY } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';

export const PublicSecurityService: ServiceDefinition = {
  name: 'public-security',
  defaultPort: 3003,
  ...TOPOLOGY['public-security'],
  caseLockKey: reviewCaseLockKey,
  entities: AGENCY_REVIEW_ENTITIES,
  migrations: AGENCY_REVIEW_MIGRATIONS,
};
