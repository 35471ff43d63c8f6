import { type DynamicModule, Module } from '@nestjs/common';
import { getCatalogue, CURRENT_CATALOGUE_VERSION } from '@work-permit/catalogue';
import { Clock } from '@work-permit/platform';
import type { AgencyServiceConfig } from './agency-review.config';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from './agency-review.options';
import { cancellationControllers } from './cancellation/cancellation-wiring';
import { PermitCancellations } from './cancellation/permit-cancellations';
import { CaseReviewer } from './case-reviewer';
import { caseEventsConsumerFor } from './consumers/case-events.consumer';
import { agencyDocumentsProviders } from './documents/agency-documents.parts';
import { JointReviewLead } from './joint-review/joint-review-lead';
import { JointReviewsController } from './joint-review/joint-reviews.controller';
import { ItemsController } from './officer/items.controller';
import { ItemsQuery } from './officer/items.query';
import { OverdueWatch } from './overdue/overdue-watch';
import type { AgencyReviewDefinition } from './policy/item-policy';
import { ReviewMetrics } from './review-metrics';

/**
 * The review workflow for an agency service: its consumers, the officers' API and the overdue timer.
 * Needs PlatformModule (database, bus, auth) and AGENCY_REVIEW_ENTITIES / _MIGRATIONS in the service.
 */
@Module({})
export class AgencyReviewModule {
  static forAgency(definition: AgencyReviewDefinition, config: AgencyServiceConfig): DynamicModule {
    assertEveryItemHasAPolicy(definition, config.manualItems);
    const options: AgencyReviewOptions = { ...definition, manualItems: config.manualItems, overdueScanIntervalMs: config.OVERDUE_SCAN_INTERVAL_MS };
    return {
      module: AgencyReviewModule,
      controllers: [caseEventsConsumerFor(definition), ItemsController, ...(definition.leadsJointReview ? [JointReviewsController] : []), ...cancellationControllers(definition.agency)],
      providers: [
        { provide: AGENCY_REVIEW_OPTIONS, useValue: options },
        Clock,
        ReviewMetrics,
        CaseReviewer,
        ItemsQuery,
        OverdueWatch,
        PermitCancellations,
        ...(definition.leadsJointReview ? [JointReviewLead] : []),
        ...agencyDocumentsProviders(config),
      ],
      exports: [CaseReviewer, OverdueWatch],
    };
  }
}

/** A catalogue item of this agency without a policy would never be decided, and a misspelt MANUAL_ITEMS code never applied: refuse to start instead. */
function assertEveryItemHasAPolicy(definition: AgencyReviewDefinition, manualItems: ReadonlySet<string>): void {
  const catalogue = getCatalogue(CURRENT_CATALOGUE_VERSION);
  const unknown = [...manualItems].filter((code) => !catalogue.items.some((item) => item.code === code));
  if (unknown.length > 0) throw new Error(`MANUAL_ITEMS names ${unknown.join(', ')}, not items of catalogue ${catalogue.version}`);
  const owned = catalogue.items.filter((item) => item.agency === definition.agency).map((item) => item.code);
  const covered = new Set(definition.policies.map((policy) => policy.code));
  const missing = owned.filter((code) => !covered.has(code));
  if (missing.length > 0) throw new Error(`${definition.agency} has no policy for ${missing.join(', ')}`);
}
