import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type IncomingEvent, type JointReviewConcluded } from '@work-permit/contracts';
import type { KafkaEventContext } from '@work-permit/messaging';

/**
 * The joint review's conclusion on the case's timeline. Its opening shows already, item by item, as
 * each agency puts its items on hold; what happens to the items after follows from their own events.
 */
@Controller()
export class JointReviewConsumer {
  @EventPattern(Events.JointReviewConcluded.type)
  async concluded(@Payload() event: IncomingEvent<JointReviewConcluded>, @Ctx() context: KafkaEventContext): Promise<void> {
    // Only on a case this portal holds; one statement.
    await context.tx.manager.query(
      `INSERT INTO case_timeline_entry (case_id, at, type, agency, item)
       SELECT case_id, $2::timestamptz, 'joint_review_concluded', 'approval', NULL FROM case_file WHERE case_id = $1::uuid`,
      [event.caseId, event.occurredAt],
    );
  }
}
