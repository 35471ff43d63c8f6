import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { caseSubmittedOf, describeReplicasUnderLoad, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { Decision, encodeEvent, Events, Topics } from '@work-permit/contracts';
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
  eventsOf: (caseId) => {
    const metadata = { caseId, correlationId: caseId, causationId: caseId };
    return [
      encodeEvent(Events.CaseSubmitted, caseSubmittedOf(exampleCaseFacts({ caseId, items: WP_AND_RP, patch: CLEAN, materials: exampleMaterials(WP_AND_RP, DATES.issuedAt) })), metadata),
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
  decides: { items: ['RESIDENCE_PERMIT'], topic: Topics.psb, eventType: Events.PsbItemDecided.type },
});
