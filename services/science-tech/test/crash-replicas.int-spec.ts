import { caseSubmittedOf, describeReplicasUnderLoad, exampleCaseFacts, exampleMaterials, FIVE_ITEMS } from '@work-permit/agency-review/testing';
import { encodeEvent, Events, Topics } from '@work-permit/contracts';
import { caseDates } from '@work-permit/testing';
import { AppModule } from '../src/app.module';
import { ScienceTechConfig } from '../src/science-tech.config';
import { ScienceTechService } from '../src/science-tech.service';

const DATES = caseDates();

/**
 * Issue 16, case 4, at science and technology: two replicas on one database and consumer group, cases
 * in bursts; the talent category of each decided once (the shared fixture: describeReplicasUnderLoad).
 */
describeReplicasUnderLoad({
  definition: ScienceTechService,
  configClass: ScienceTechConfig,
  register: (config) => AppModule.register(config),
  eventsOf: (caseId) => [
    encodeEvent(Events.CaseSubmitted, caseSubmittedOf(exampleCaseFacts({ caseId, items: FIVE_ITEMS, materials: exampleMaterials(FIVE_ITEMS, DATES.issuedAt) })), { caseId, correlationId: caseId, causationId: caseId }),
  ],
  decides: { items: ['TALENT_CATEGORY'], topic: Topics.scitech, eventType: Events.ScitechItemDecided.type },
});
