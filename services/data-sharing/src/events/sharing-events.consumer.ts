import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type IncomingEvent, Topics } from '@work-permit/contracts';
import type { KafkaEventContext } from '@work-permit/messaging';
import { EVENT_FOLDS, type EventFold } from './event-fold';

/** Every event type on the topics this service consumes (all but its own). */
export const CONSUMED_EVENT_TYPES = Object.values(Events)
  .filter((definition) => definition.topic !== Topics.sharing)
  .map((definition) => definition.type);

/** Hands every consumed event to each fold, in one transaction with its inbox row. */
@Controller()
export class SharingEventsConsumer {
  constructor(@Inject(EVENT_FOLDS) private readonly folds: EventFold[]) {}

  @EventPattern(CONSUMED_EVENT_TYPES)
  async apply(@Payload() event: IncomingEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    for (const fold of this.folds) await fold.apply(event, context.tx);
  }
}
