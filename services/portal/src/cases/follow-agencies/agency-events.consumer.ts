import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type IncomingEvent, type ItemDecided, ItemDecidedEvents, type ItemProgressed, ItemProgressedEvents } from '@work-permit/contracts';
import { KafkaEventContext, relevantWhen } from '@work-permit/messaging';
import { concernsCaseItem } from './agency-progress';
import { FollowAgencyUseCase } from './follow-agency.usecase';

/** The agencies' decisions and progress, from each agency's own topic. */
@Controller()
export class AgencyEventsConsumer {
  constructor(private readonly follow: FollowAgencyUseCase) {}

  @EventPattern(
    ItemDecidedEvents.map((e) => e.type),
    relevantWhen(concernsCaseItem),
  )
  onDecided(@Payload() event: IncomingEvent<ItemDecided>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.follow.decided(event, context.tx);
  }

  @EventPattern(
    ItemProgressedEvents.map((e) => e.type),
    relevantWhen(concernsCaseItem),
  )
  onProgressed(@Payload() event: IncomingEvent<ItemProgressed>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.follow.progressed(event, context.tx);
  }
}
