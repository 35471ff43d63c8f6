import { TOPOLOGY } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';
import { caseLockKey } from './events/case-lock';
import { AbnormalListScreening1764500000001 } from './migrations/1764500000001-abnormal-list-screening';
import { ApplicantRecord1764600000100 } from './migrations/1764600000100-applicant-record';
import { RecordOffers1765100000100 } from './migrations/1765100000100-record-offers';
import { AccessLogHead1765100000200 } from './migrations/1765100000200-access-log-head';
import { AbnormalListLifecycle1765100000300 } from './migrations/1765100000300-abnormal-list-lifecycle';
import { RecordPermitCancellation1765300000200 } from './migrations/1765300000200-record-permit-cancellation';
import { LateListingReferral1765300000300 } from './migrations/1765300000300-late-listing-referral';
import { ReasonMessages1765400000100 } from './migrations/1765400000100-reason-messages';
import { RecordRefusals1765700000100 } from './migrations/1765700000100-record-refusals';
import { RecordAccessLogRow } from './record/audit/access-log.entity';
import { RecordAccessLogHeadRow } from './record/audit/access-log-head.entity';
import { RecordApplicantRow, RecordCaseRow, RecordChangeRow, RecordFieldRow, RecordOfferRow, RecordPermitCancellationRow, RecordPermitRow } from './record/record.entities';
import { RecordRefusalRow } from './record/refusals/record-refusal.entity';
import { AbnormalListEntry } from './screening/abnormal-list-entry.entity';
import { ApplicantScreening } from './screening/applicant-screening.entity';
import { LateListingReferral } from './screening/late-listing-referral.entity';
import { Statistics1764600000300 } from './migrations/1764600000300-statistics';
import { StatsOverdueDueDate1764700000300 } from './migrations/1764700000300-stats-overdue-due-date';
import { StatsCase } from './stats/stats-case.entity';
import { StatsItemTransition } from './stats/stats-item-transition.entity';
import { StatsItem } from './stats/stats-item.entity';

export const DataSharingService: ServiceDefinition = {
  name: 'data-sharing',
  defaultPort: 3005,
  ...TOPOLOGY['data-sharing'],
  caseLockKey,
  entities: [
    AbnormalListEntry,
    ApplicantScreening,
    LateListingReferral,
    RecordApplicantRow,
    RecordCaseRow,
    RecordFieldRow,
    RecordOfferRow,
    RecordPermitRow,
    RecordPermitCancellationRow,
    RecordChangeRow,
    RecordRefusalRow,
    RecordAccessLogRow,
    RecordAccessLogHeadRow,
    StatsCase,
    StatsItem,
    StatsItemTransition,
  ],
  migrations: [
    AbnormalListScreening1764500000001,
    ApplicantRecord1764600000100,
    Statistics1764600000300,
    StatsOverdueDueDate1764700000300,
    RecordOffers1765100000100,
    AccessLogHead1765100000200,
    AbnormalListLifecycle1765100000300,
    RecordPermitCancellation1765300000200,
    LateListingReferral1765300000300,
    ReasonMessages1765400000100,
    RecordRefusals1765700000100,
  ],
};
