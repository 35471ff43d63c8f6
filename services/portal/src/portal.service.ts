import { Topics } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';

export const PortalService: ServiceDefinition = {
  name: 'portal',
  defaultPort: 3000,
  produces: Topics.portal,
  consumes: [Topics.approval, Topics.scitech, Topics.psb, Topics.hrss, Topics.sharing],
  entities: [],
  migrations: [],
};
