import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { eventDefinitionOf, type IncomingEvent, Topics } from '@work-permit/contracts';
import type { KafkaEventContext } from '@work-permit/messaging';
import { RECORD_EVENT_TYPES } from '../record/applicant-record.fold';
import { REFUSAL_EVENT_TYPES } from '../record/refusals/prefill-refusals.fold';
import { SCREENED_EVENT_TYPES } from '../screening/screen-applicant.usecase';
import { STATISTICS_EVENT_TYPES } from '../stats/statistics-change';
import { EVENT_FOLDS, type EventFold } from './event-fold';

/**
 * The event types some fold folds, but its own (the service does not read its own topic): what the
 * service handles, and so the only ones it decodes (the rebuild too). The contract-end reports are
 * read by others: they reach this service's consumer and are acknowledged unread. The formal documents
 * do not reach it at all: they are on the agencies' documents topics, which only the portal reads.
 */
export const CONSUMED_EVENT_TYPES = [...new Set([...SCREENED_EVENT_TYPES, ...RECORD_EVENT_TYPES, ...REFUSAL_EVENT_TYPES, ...STATISTICS_EVENT_TYPES])]
  .filter((type) => eventDefinitionOf(type)?.topic !== Topics.sharing)
  .sort();

/** Hands every consumed event to each fold, in one transaction with its inbox row. */
@Controller()
export class SharingEventsConsumer {
  constructor(@Inject(EVENT_FOLDS) private readonly folds: EventFold[]) {}

  @EventPattern(CONSUMED_EVENT_TYPES)
  async apply(@Payload() event: IncomingEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    for (const fold of this.folds) await fold.apply(event, context.tx);
  }
}
