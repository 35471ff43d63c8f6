import { Topics } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';
import { CaseFile } from './cases/case-file.entity';
import { CaseItem } from './cases/case-item.entity';
import { CaseTimelineEntry } from './cases/case-timeline-entry.entity';
import { IdempotencyRecord } from './cases/idempotency-record.entity';
import { PortalCases1764400000000 } from './migrations/1764400000000-portal-cases';

export const PortalService: ServiceDefinition = {
  name: 'portal',
  defaultPort: 3000,
  produces: Topics.portal,
  consumes: [Topics.approval, Topics.scitech, Topics.psb, Topics.hrss, Topics.sharing],
  entities: [CaseFile, CaseItem, CaseTimelineEntry, IdempotencyRecord],
  migrations: [PortalCases1764400000000],
};
