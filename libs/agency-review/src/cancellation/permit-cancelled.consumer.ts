import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type IncomingEvent, type PermitCancelled } from '@work-permit/contracts';
import type { KafkaEventContext } from '@work-permit/messaging';
import { PermitCancellations } from './permit-cancellations';

/** At an agency whose items depend on the cancelled permit (public-security, hr-social-security): the owner's notice. */
@Controller()
export class PermitCancelledConsumer {
  constructor(private readonly cancellations: PermitCancellations) {}

  @EventPattern(Events.PermitCancelled.type)
  permitCancelled(@Payload() event: IncomingEvent<PermitCancelled>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.cancellations.permitCancelled(event, context.tx);
  }
}
