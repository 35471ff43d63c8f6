import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type CaseSubmitted, Events, type IncomingEvent } from '@work-permit/contracts';
import type { KafkaEventContext } from '@work-permit/messaging';
import { ScreenApplicantUseCase } from './screen-applicant.usecase';

@Controller()
export class CaseScreeningConsumer {
  constructor(private readonly screen: ScreenApplicantUseCase) {}

  @EventPattern(Events.CaseSubmitted.type)
  submitted(@Payload() event: IncomingEvent<CaseSubmitted>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.screen.execute(event, context.tx);
  }
}
