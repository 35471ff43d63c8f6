import { Topics } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';

export const DataSharingService: ServiceDefinition = {
  name: 'data-sharing',
  defaultPort: 3005,
  produces: Topics.sharing,
  consumes: [Topics.portal, Topics.approval, Topics.scitech, Topics.psb, Topics.hrss],
  entities: [],
  migrations: [],
};
