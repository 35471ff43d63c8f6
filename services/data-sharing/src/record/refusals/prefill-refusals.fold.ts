import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Injectable, Logger } from '@nestjs/common';
import { Events, type IncomingEvent, type PrefillDeclined } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import type { EventFold } from '../../events/event-fold';
import { RecordCaseRow } from '../record.entities';
import { refusalsOf } from './refusals';
import { RecordRefusalRow } from './record-refusal.entity';

/** What the refusals fold folds. */
export const REFUSAL_EVENT_TYPES: readonly string[] = [Events.PrefillDeclined.type];

/**
 * Notes in a person's record each fact they declined to reuse when submitting a case: one row per case
 * and path (a redelivery, or a replay over the live table, adds nothing). The refusal belongs to the
 * person the case is about: an announcement naming another person than the case's is not noted.
 */
@Injectable()
export class PrefillRefusalsFold implements EventFold {
  readonly name = 'refusals to reuse';
  readonly rebuildable = true;
  readonly eventTypes = REFUSAL_EVENT_TYPES;
  private readonly logger = new Logger(PrefillRefusalsFold.name);

  async apply(event: IncomingEvent, tx: Transaction): Promise<void> {
    if (event.type !== Events.PrefillDeclined.type) return;
    const payload = (event as IncomingEvent<PrefillDeclined>).payload;
    const rows = refusalsOf(
      {
        caseId: payload.caseId,
        applicantId: payload.applicantId,
        facts: payload.facts.map((fact) => ({
          path: fact.path,
          recordVersion: Number(fact.recordVersion),
          source: fact.source,
          sourceCaseId: fact.sourceCaseId,
          updatedAt: fact.updatedAt ? timestampDate(fact.updatedAt) : null,
        })),
      },
      { eventId: event.eventId, occurredAt: event.occurredAt },
    );
    if (rows.length === 0) return;
    const owner = await tx.manager.findOneBy(RecordCaseRow, { caseId: payload.caseId });
    if (owner && owner.applicantId !== payload.applicantId) {
      this.logger.warn(`refusals of case ${payload.caseId} name another person than the case's: not noted (event ${event.eventId})`);
      return;
    }
    await tx.manager.createQueryBuilder().insert().into(RecordRefusalRow).values(rows).orIgnore().execute();
  }
}
