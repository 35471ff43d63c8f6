import { Topics } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';
import { AbnormalListScreening1764500000001 } from './migrations/1764500000001-abnormal-list-screening';
import { AbnormalListEntry } from './screening/abnormal-list-entry.entity';
import { ApplicantScreening } from './screening/applicant-screening.entity';

export const DataSharingService: ServiceDefinition = {
  name: 'data-sharing',
  defaultPort: 3005,
  produces: Topics.sharing,
  consumes: [Topics.portal, Topics.approval, Topics.scitech, Topics.psb, Topics.hrss],
  entities: [AbnormalListEntry, ApplicantScreening],
  migrations: [AbnormalListScreening1764500000001],
};
