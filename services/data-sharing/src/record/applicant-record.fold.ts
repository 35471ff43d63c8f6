import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Injectable } from '@nestjs/common';
import {
  type CaseSubmitted,
  Events,
  type IncomingEvent,
  type ItemDecided,
  ItemDecidedEvents,
  type ItemProgressed,
  ItemProgressedEvents,
  type PermitCancelled,
} from '@work-permit/contracts';
import { followingFrom, type Transaction } from '@work-permit/messaging';
import { ApplicantIds } from '@work-permit/platform';
import type { EntityManager } from 'typeorm';
import type { EventFold } from '../events/event-fold';
import { cancellationChange, fieldsOfSubmission, holdingsOfPermit, permitCancellationOf, type PermitState, permitOfDecision, permitOfProgress, permitSnapshot } from './record-events';
import { isLaterThan, isPrefillable, mergeFields, type Offer, type Provenance, type RecordChange, type RecordFieldValue, trustOfSubmitter } from './record-field';
import { RecordApplicantRow, RecordCaseRow, RecordChangeRow, RecordFieldRow, RecordOfferRow, RecordPermitCancellationRow, RecordPermitRow } from './record.entities';

const DECIDED = new Set<string>(ItemDecidedEvents.map((e) => e.type));
const PROGRESSED = new Set<string>(ItemProgressedEvents.map((e) => e.type));

/** What the shared record folds: submissions, the agencies' outcomes and the permits' cancellations. */
export const RECORD_EVENT_TYPES: readonly string[] = [Events.CaseSubmitted.type, ...DECIDED, ...PROGRESSED, Events.PermitCancelled.type];

/**
 * The shared applicant record: identity, employer, employment, holdings and materials from each
 * submission; each item's outcome from the agencies; and the history of changes. Every offered value
 * is kept; the record holds the highest-ranked (see `outranks`), so an employer's or clerk's filing
 * never replaces what the person filed or an agency decided. Announces the pre-fillable part
 * (`sharing.record.updated`) when it changes; a replay's transaction publishes nothing.
 */
@Injectable()
export class ApplicantRecordFold implements EventFold {
  readonly name = 'shared applicant record';
  readonly rebuildable = true;
  readonly eventTypes = RECORD_EVENT_TYPES;

  constructor(private readonly applicantIds: ApplicantIds) {}

  async apply(event: IncomingEvent, tx: Transaction): Promise<void> {
    if (event.type === Events.CaseSubmitted.type) await this.submitted(event as IncomingEvent<CaseSubmitted>, tx);
    else if (DECIDED.has(event.type)) await this.itemEnded(event, permitOfDecision((event as IncomingEvent<ItemDecided>).payload), tx);
    else if (PROGRESSED.has(event.type)) await this.itemEnded(event, permitOfProgress((event as IncomingEvent<ItemProgressed>).payload), tx);
    else if (event.type === Events.PermitCancelled.type) await this.permitCancelled(event as IncomingEvent<PermitCancelled>, tx);
  }

  private async submitted(event: IncomingEvent<CaseSubmitted>, tx: Transaction): Promise<void> {
    const { payload } = event;
    const applicantId = payload.applicantId || (payload.applicant?.passportNo ? this.applicantIds.of(payload.applicant.nationality, payload.applicant.passportNo) : '');
    if (!applicantId) return;
    const { manager } = tx;
    await manager
      .createQueryBuilder()
      .insert()
      .into(RecordCaseRow)
      .values({ caseId: payload.caseId, applicantId, submitterSubject: payload.submittedBy?.subject ?? '', submitterRole: payload.submittedBy?.role ?? '', submittedAt: event.occurredAt })
      .orIgnore()
      .execute();
    await manager.createQueryBuilder().insert().into(RecordApplicantRow).values({ applicantId, version: 0 }).orIgnore().execute();
    // A permit decided before its case arrived is held all the same.
    const earlier = await manager.findBy(RecordPermitRow, { caseId: payload.caseId });
    const held = earlier.flatMap((row) => holdingsOfPermit(permitOfRow(row), decided(provenanceOfRow(row))));
    const filed: Offer = { ...provenanceOf(event, payload.caseId), trust: trustOfSubmitter(payload.submittedBy?.role), offeredBy: payload.submittedBy?.role || 'unknown' };
    await this.mergeInto(applicantId, [...fieldsOfSubmission(payload, filed), ...held], event, tx);
  }

  private async itemEnded(event: IncomingEvent, permit: PermitState | undefined, tx: Transaction): Promise<void> {
    if (!permit || !permit.caseId) return;
    const { manager } = tx;
    const provenance = provenanceOf(event, permit.caseId);
    const existing = await manager.findOneBy(RecordPermitRow, { caseId: permit.caseId, item: permit.item });
    if (existing && !isLaterThan(provenance, provenanceOfRow(existing))) return;
    await manager.upsert(
      RecordPermitRow,
      { ...permit, source: provenance.source, sourceEventId: provenance.sourceEventId, updatedAt: provenance.updatedAt },
      ['caseId', 'item'],
    );
    await this.recordChanges(manager, [
      {
        subject: `permits.${permit.item}`,
        caseId: permit.caseId,
        oldValue: existing ? permitSnapshot(existing) : null,
        newValue: permitSnapshot(permit),
        source: provenance.source,
        sourceEventId: provenance.sourceEventId,
        occurredAt: provenance.updatedAt,
      },
    ]);
    const owner = await manager.findOneBy(RecordCaseRow, { caseId: permit.caseId });
    if (owner) await this.mergeInto(owner.applicantId, holdingsOfPermit(permit, decided(provenance)), event, tx);
  }

  /**
   * Kept beside the item's outcome (never over it), once per permit, so the grant and the
   * cancellation fold to the same record in either order. The pre-filled holdings are left as they
   * are: which permit a person holds now depends on the order of their cases' events, and a
   * retraction that read it would not be order-free; the record's permits show the cancellation.
   */
  private async permitCancelled(event: IncomingEvent<PermitCancelled>, tx: Transaction): Promise<void> {
    const cancellation = permitCancellationOf(event.payload);
    if (!cancellation) return;
    const provenance = provenanceOf(event, cancellation.caseId);
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(RecordPermitCancellationRow)
      .values({ ...cancellation, source: provenance.source, sourceEventId: provenance.sourceEventId, updatedAt: provenance.updatedAt })
      .orIgnore()
      .returning('case_id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return;
    await this.recordChanges(tx.manager, [
      { subject: `permits.${cancellation.item}`, caseId: cancellation.caseId, ...cancellationChange(cancellation), source: provenance.source, sourceEventId: provenance.sourceEventId, occurredAt: provenance.updatedAt },
    ]);
  }

  private async mergeInto(applicantId: string, incoming: RecordFieldValue[], cause: IncomingEvent, tx: Transaction): Promise<void> {
    if (incoming.length === 0) return;
    const { manager } = tx;
    // Two cases of one person may be folded at once (different partitions); each merge sees the other's result.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`record-applicant:${applicantId}`]);
    await manager
      .createQueryBuilder()
      .insert()
      .into(RecordOfferRow)
      .values(incoming.map((offer) => ({ ...offer, applicantId })))
      .orIgnore()
      .execute();
    const current = await manager.findBy(RecordFieldRow, { applicantId });
    const { written, changes } = mergeFields(current, incoming);
    if (written.length === 0) return;
    await manager.upsert(
      RecordFieldRow,
      written.map((field) => ({ ...field, applicantId })),
      ['applicantId', 'path'],
    );
    await this.recordChanges(manager, changes);
    if (written.some((field) => isPrefillable(field.path))) await this.announce(applicantId, cause, tx);
  }

  private async recordChanges(manager: EntityManager, changes: RecordChange[]): Promise<void> {
    if (changes.length > 0) await manager.insert(RecordChangeRow, changes);
  }

  private async announce(applicantId: string, cause: IncomingEvent, tx: Transaction): Promise<void> {
    const { manager } = tx;
    const bumped = await manager
      .createQueryBuilder()
      .update(RecordApplicantRow)
      .set({ version: () => 'version + 1' })
      .where('applicant_id = :applicantId', { applicantId })
      .returning('version')
      .execute();
    const version = (bumped.raw as { version: number }[])[0]?.version ?? 0;
    const fields = (await manager.find(RecordFieldRow, { where: { applicantId }, order: { path: 'ASC' } })).filter((field) => isPrefillable(field.path));
    await tx.publish(
      Events.SharingRecordUpdated,
      {
        applicantId,
        version: BigInt(version),
        fields: fields.map((field) => ({
          path: field.path,
          valueJson: JSON.stringify(field.value),
          source: field.source,
          sourceCaseId: field.sourceCaseId,
          updatedAt: timestampFromDate(field.updatedAt),
        })),
      },
      followingFrom(cause),
    );
  }
}

function provenanceOf(event: IncomingEvent, caseId: string): Provenance {
  return { source: event.type, sourceCaseId: caseId, sourceEventId: event.eventId, updatedAt: event.occurredAt };
}

/** An agency's decision vouches for what it decided. */
function decided(provenance: Provenance): Offer {
  return { ...provenance, trust: 'verified', offeredBy: 'agency' };
}

function provenanceOfRow(row: RecordPermitRow): Provenance {
  return { source: row.source, sourceCaseId: row.caseId, sourceEventId: row.sourceEventId, updatedAt: row.updatedAt };
}

function permitOfRow(row: RecordPermitRow): PermitState {
  return { item: row.item, caseId: row.caseId, action: row.action, agency: row.agency, status: row.status, details: row.details, reason: row.reason, reasonMessage: row.reasonMessage };
}
