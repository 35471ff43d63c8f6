import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type ContractEnded, Events, type IncomingEvent } from '@work-permit/contracts';
import type { KafkaEventContext } from '@work-permit/messaging';
import { PermitCancellations } from './permit-cancellations';

/** At the owner of the work permit (admin-approval): the employer's report of the contract's end, from the portal. */
@Controller()
export class ContractEndedConsumer {
  constructor(private readonly cancellations: PermitCancellations) {}

  @EventPattern(Events.CaseContractEnded.type)
  contractEnded(@Payload() event: IncomingEvent<ContractEnded>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.cancellations.contractEnded(event, context.tx);
  }
}
