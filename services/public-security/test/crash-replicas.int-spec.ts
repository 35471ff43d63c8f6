import { describeReplicasUnderLoad, submittedWithWorkPermitGranted } from '@work-permit/agency-review/testing';
import { Events, Topics } from '@work-permit/contracts';
import { caseDates } from '@work-permit/testing';
import { AppModule } from '../src/app.module';
import { PublicSecurityConfig } from '../src/public-security.config';
import { PublicSecurityService } from '../src/public-security.service';

const DATES = caseDates();
const WP_AND_RP = [
  { code: 'WORK_PERMIT', action: 'issue' as const },
  { code: 'RESIDENCE_PERMIT', action: 'issue' as const },
];
// Not yet entered China (an entry date long past would fail the 30-day filing window and wait for an officer).
const CLEAN = {
  'employment.contractStart': DATES.contractStart,
  'employment.contractEnd': DATES.contractEnd,
  'history.previousWorkPermitNo': undefined,
  'holdings.residencePermitNo': undefined,
  'applicant.entryDate': undefined,
};

/**
 * Issue 16, case 4, at public security: two replicas on one database and consumer group, cases in
 * bursts with their work permit granted as the work permit bureau announces it; each residence permit
 * decided once.
 */
describeReplicasUnderLoad({
  definition: PublicSecurityService,
  configClass: PublicSecurityConfig,
  register: (config) => AppModule.register(config),
  eventsOf: (caseId) => submittedWithWorkPermitGranted(caseId, WP_AND_RP, CLEAN, DATES),
  decides: { items: ['RESIDENCE_PERMIT'], topic: Topics.psb, eventType: Events.PsbItemDecided.type },
});
