import { AGENCY_REVIEW_ENTITIES, AGENCY_REVIEW_MIGRATIONS, reviewCaseLockKey } from '@work-permit/agency-review';
import { TOPOLOGY } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';

export const AdminApprovalService: ServiceDefinition = {
  name: 'admin-approval',
  defaultPort: 3001,
  ...TOPOLOGY['admin-approval'],
  caseLockKey: reviewCaseLockKey,
  entities: AGENCY_REVIEW_ENTITIES,
  migrations: AGENCY_REVIEW_MIGRATIONS,
};
