import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { caseSubmittedOf, describeReplicasUnderLoad, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { Decision, encodeEvent, Events, Topics } from '@work-permit/contracts';
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
  eventsOf: (caseId) => {
    const metadata = { caseId, correlationId: caseId, causationId: caseId };
    return [
      encodeEvent(Events.CaseSubmitted, caseSubmittedOf(exampleCaseFacts({ caseId, items: ITEMS, patch: CLEAN, materials: exampleMaterials(ITEMS, DATES.issuedAt) })), metadata),
      encodeEvent(
        Events.ApprovalItemDecided,
        {
          caseId,
          itemCode: 'WORK_PERMIT',
          action: 'issue',
          agency: 'approval',
          decision: Decision.GRANTED,
          decidedAt: timestampFromDate(new Date()),
          result: { permitNo: `WP${caseId.slice(0, 8)}`, validFrom: DATES.contractStart, validTo: DATES.contractEnd, category: 'A', points: 90 },
        },
        metadata,
      ),
    ];
  },
  decides: { items: ['SOCIAL_INSURANCE', 'E_SOCIAL_SECURITY_CARD'], topic: Topics.hrss, eventType: Events.HrssItemDecided.type },
});
