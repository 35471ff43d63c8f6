import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type IncomingEvent, type JointReviewConcluded } from '@work-permit/contracts';
import type { KafkaEventContext } from '@work-permit/messaging';
import { CaseFile } from '../case-file.entity';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';

/**
 * The joint review's conclusion on the case's timeline. Its opening shows already, item by item, as
 * each agency puts its items on hold; what happens to the items after follows from their own events.
 */
@Controller()
export class JointReviewConsumer {
  @EventPattern(Events.JointReviewConcluded.type)
  async concluded(@Payload() event: IncomingEvent<JointReviewConcluded>, @Ctx() context: KafkaEventContext): Promise<void> {
    if (!(await context.tx.manager.existsBy(CaseFile, { caseId: event.caseId }))) return;
    await context.tx.manager.insert(CaseTimelineEntry, { caseId: event.caseId, at: event.occurredAt, type: 'joint_review_concluded', agency: 'approval', item: null });
  }
}
