import { AGENCY_REVIEW_ENTITIES, AGENCY_REVIEW_MIGRATIONS } from '@work-permit/agency-review';
import { TOPOLOGY } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';

export const PublicSecurityService: ServiceDefinition = {
  name: 'public-security',
  defaultPort: 3003,
  ...TOPOLOGY['public-security'],
  entities: AGENCY_REVIEW_ENTITIES,
  migrations: AGENCY_REVIEW_MIGRATIONS,
};
