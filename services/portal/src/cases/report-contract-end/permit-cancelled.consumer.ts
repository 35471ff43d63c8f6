import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type IncomingEvent, type PermitCancelled } from '@work-permit/contracts';
import type { KafkaEventContext } from '@work-permit/messaging';
import { FollowCancellationUseCase } from './follow-cancellation.usecase';

/** The permit's owner announced a cancellation (approval.permit.cancelled). */
@Controller()
export class PermitCancelledConsumer {
  constructor(private readonly follow: FollowCancellationUseCase) {}

  @EventPattern(Events.PermitCancelled.type)
  cancelled(@Payload() event: IncomingEvent<PermitCancelled>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.follow.cancelled(event, context.tx);
  }
}
