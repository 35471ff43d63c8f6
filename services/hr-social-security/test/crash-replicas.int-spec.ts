import { describeReplicasUnderLoad, submittedWithWorkPermitGranted } from '@work-permit/agency-review/testing';
import { Events, Topics } from '@work-permit/contracts';
import { caseDates } from '@work-permit/testing';
import { AppModule } from '../src/app.module';
import { HrSocialSecurityConfig } from '../src/hr-social-security.config';
import { HrSocialSecurityService } from '../src/hr-social-security.service';

const DATES = caseDates();
const ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' as const },
  { code: 'SOCIAL_INSURANCE', action: 'apply' as const },
  { code: 'E_SOCIAL_SECURITY_CARD', action: 'apply' as const },
];
// First-time applicants: a social security number from elsewhere would wait for an officer.
const CLEAN = { 'employment.contractStart': DATES.contractStart, 'employment.contractEnd': DATES.contractEnd, 'history.previousWorkPermitNo': undefined, 'holdings.socialSecurityNo': undefined };

/**
 * Issue 16, case 4, at human resources and social security: two replicas on one database and consumer
 * group, cases in bursts with their work permit granted as the work permit bureau announces it; each
 * social insurance registration and electronic social security card decided once.
 */
describeReplicasUnderLoad({
  definition: HrSocialSecurityService,
  configClass: HrSocialSecurityConfig,
  register: (config) => AppModule.register(config),
  eventsOf: (caseId) => submittedWithWorkPermitGranted(caseId, ITEMS, CLEAN, DATES),
  decides: { items: ['SOCIAL_INSURANCE', 'E_SOCIAL_SECURITY_CARD'], topic: Topics.hrss, eventType: Events.HrssItemDecided.type },
});
