import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type CaseSubmitted, DocumentIssuedEvents, type DocumentIssued, Events, type IncomingEvent } from '@work-permit/contracts';
import type { KafkaEventContext } from '@work-permit/messaging';
import { AcceptanceNotices } from './acceptance-notices';
import { CaseDocuments } from './case-documents';

/** The agencies' documents, kept for the case; and the portal's own submissions, each calling for its acceptance notice. */
@Controller()
export class DocumentsConsumer {
  constructor(
    private readonly documents: CaseDocuments,
    private readonly acceptanceNotices: AcceptanceNotices,
  ) {}

  @EventPattern(DocumentIssuedEvents.map((event) => event.type))
  issued(@Payload() event: IncomingEvent<DocumentIssued>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.documents.received(event, context.tx);
  }

  @EventPattern(Events.CaseSubmitted.type)
  submitted(@Payload() event: IncomingEvent<CaseSubmitted>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.acceptanceNotices.request(event, context.tx);
  }
}
