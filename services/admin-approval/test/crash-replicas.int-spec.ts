import { caseSubmittedOf, describeReplicasUnderLoad, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { Decision, encodeEvent, Events, Topics } from '@work-permit/contracts';
import { caseDates } from '@work-permit/testing';
import { AdminApprovalConfig } from '../src/admin-approval.config';
import { AdminApprovalService } from '../src/admin-approval.service';
import { AppModule } from '../src/app.module';

const DATES = caseDates();
const WORK_PERMIT_ONLY = [{ code: 'WORK_PERMIT', action: 'issue' as const }];
const CLEAN = { 'employment.contractStart': DATES.contractStart, 'employment.contractEnd': DATES.contractEnd, 'history.previousWorkPermitNo': undefined };

/**
 * Issue 16, case 4, at the work permit bureau: two replicas on one database and consumer group, cases
 * in bursts with their talent category (category A) and screening (clear) as science and technology and
 * the Big Data Bureau announce them; each work permit granted once.
 */
describeReplicasUnderLoad({
  definition: AdminApprovalService,
  configClass: AdminApprovalConfig,
  register: (config) => AppModule.register(config),
  eventsOf: (caseId) => {
    const metadata = { caseId, correlationId: caseId, causationId: caseId };
    return [
      encodeEvent(Events.CaseSubmitted, caseSubmittedOf(exampleCaseFacts({ caseId, items: WORK_PERMIT_ONLY, patch: CLEAN, materials: exampleMaterials(WORK_PERMIT_ONLY, DATES.issuedAt) })), metadata),
      encodeEvent(Events.ScitechItemDecided, { caseId, itemCode: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', decision: Decision.GRANTED, result: { category: 'A', points: 85, attributes: { route: 'points' } } }, metadata),
      encodeEvent(Events.SharingItemDecided, { caseId, itemCode: 'ABNORMAL_LIST_SCREENING', action: 'apply', agency: 'bigdata', decision: Decision.GRANTED }, metadata),
    ];
  },
  // 60 cases, not the fixture's 120: a granted work permit is the heaviest decision (its PDFs, the joint-review
  // check, the timers), and 120 took 60 s on a loaded two-core machine.
  cases: 60,
  decides: { items: ['WORK_PERMIT'], topic: Topics.approval, eventType: Events.ApprovalItemDecided.type },
});
