import { Controller, Optional, type Type } from '@nestjs/common';
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
  type JointReviewConcluded,
  type JointReviewOpened,
} from '@work-permit/contracts';
import { type KafkaEventContext, relevantWhen } from '@work-permit/messaging';
import { CaseReviewer } from '../case-reviewer';
import { JointReviewLead } from '../joint-review/joint-review-lead';
import type { AgencyReviewDefinition } from '../policy/item-policy';
import { observedRelevance } from './observed-relevance';

/**
 * The portal's case events and the other agencies' results, for one agency: of the other agencies'
 * item events it applies only those that can change something here (`observedRelevance`, from the
 * catalogue and the agency). A service never consumes its own topic.
 */
export function caseEventsConsumerFor(definition: Pick<AgencyReviewDefinition, 'agency' | 'leadsJointReview'>): Type {
  const mayChangeReview = observedRelevance(definition);

  @Controller()
  class CaseEventsConsumer {
    constructor(
      private readonly reviewer: CaseReviewer,
      // Only the lead agency (admin-approval) runs joint reviews.
      @Optional() private readonly lead?: JointReviewLead,
    ) {}

    @EventPattern(Events.CaseSubmitted.type)
    async submitted(@Payload() event: IncomingEvent<CaseSubmitted>, @Ctx() context: KafkaEventContext): Promise<void> {
      await this.reviewer.submitted(event, context.tx);
      await this.lead?.caseArrived(event, context.tx);
    }

    @EventPattern(Events.CaseSupplemented.type)
    supplemented(@Payload() event: IncomingEvent<CaseSupplemented>, @Ctx() context: KafkaEventContext): Promise<void> {
      return this.reviewer.supplemented(event, context.tx);
    }

    @EventPattern(Events.CaseWithdrawn.type)
    withdrawn(@Payload() event: IncomingEvent<CaseWithdrawn>, @Ctx() context: KafkaEventContext): Promise<void> {
      return this.reviewer.withdrawn(event, context.tx);
    }

    @EventPattern(
      [...ItemDecidedEvents, ...ItemProgressedEvents].map((e) => e.type),
      relevantWhen(mayChangeReview),
    )
    async observed(@Payload() event: IncomingEvent<ItemDecided | ItemProgressed>, @Ctx() context: KafkaEventContext): Promise<void> {
      await this.reviewer.observed(event, context.tx);
      await this.lead?.observed(event, context.tx);
    }

    @EventPattern([Events.JointReviewOpened.type, Events.JointReviewConcluded.type])
    jointReview(@Payload() event: IncomingEvent<JointReviewOpened | JointReviewConcluded>, @Ctx() context: KafkaEventContext): Promise<void> {
      return this.reviewer.jointReviewChanged(event, context.tx);
    }
  }
  return CaseEventsConsumer;
}
