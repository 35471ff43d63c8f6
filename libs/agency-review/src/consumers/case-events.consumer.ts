import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  type CaseSubmitted,
  type CaseSupplemented,
  type CaseWithdrawn,
  Events,
  type IncomingEvent,
  type ItemDecided,
  ItemDecidedEvents,
  type ItemProgressed,
  ItemProgressedEvents,
} from '@work-permit/contracts';
import type { KafkaEventContext } from '@work-permit/messaging';
import { CaseReviewer } from '../case-reviewer';

/** The portal's case events and the other agencies' results. A service never consumes its own topic. */
@Controller()
export class CaseEventsConsumer {
  constructor(private readonly reviewer: CaseReviewer) {}

  @EventPattern(Events.CaseSubmitted.type)
  submitted(@Payload() event: IncomingEvent<CaseSubmitted>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.reviewer.submitted(event, context.tx);
  }

  @EventPattern(Events.CaseSupplemented.type)
  supplemented(@Payload() event: IncomingEvent<CaseSupplemented>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.reviewer.supplemented(event, context.tx);
  }

  @EventPattern(Events.CaseWithdrawn.type)
  withdrawn(@Payload() event: IncomingEvent<CaseWithdrawn>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.reviewer.withdrawn(event, context.tx);
  }

  @EventPattern([...ItemDecidedEvents, ...ItemProgressedEvents].map((e) => e.type))
  observed(@Payload() event: IncomingEvent<ItemDecided | ItemProgressed>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.reviewer.observed(event, context.tx);
  }
}
