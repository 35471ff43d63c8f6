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
import { caseLockKey } from '../events/case-lock';
import type { EventFold } from '../events/event-fold';
import { cancellationChange, fieldsOfSubmission, holdingsOfPermit, permitCancellationOf, type PermitState, permitOfDecision, permitOfProgress, permitSnapshot } from './record-events';
import { isLaterThan, isPrefillable, mergeFields, type Offer, type Provenance, type RecordFieldValue, trustOfSubmitter } from './record-field';
import { RecordBatch, type RecordBatchKeys } from './record-batch';
import { type PermitRow, RecordStatements, type RecordStore } from './record-store';

const DECIDED = new Set<string>(ItemDecidedEvents.map((e) => e.type));
const PROGRESSED = new Set<string>(ItemProgressedEvents.map((e) => e.type));

/** What the shared record folds: submissions, the agencies' outcomes and the permits' cancellations. */
export const RECORD_EVENT_TYPES: readonly string[] = [Events.CaseSubmitted.type, ...DECIDED, ...PROGRESSED, Events.PermitCancelled.type];
const RECORDED = new Set(RECORD_EVENT_TYPES);

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

  apply(event: IncomingEvent, tx: Transaction): Promise<void> {
    return this.fold(event, tx, new RecordStatements(tx));
  }

  /**
   * The events in order, leaving the record as `apply` one by one would, with the batch's rows read
   * before it and written after it (`RecordBatch`): for a transaction that is the record's only writer.
   */
  async applyBatch(events: readonly IncomingEvent[], tx: Transaction): Promise<void> {
    const batch = await RecordBatch.load(tx.manager, this.keysOf(events));
    for (const event of events) await this.fold(event, tx, batch);
    await batch.flush(tx.manager);
  }

  private async fold(event: IncomingEvent, tx: Transaction, store: RecordStore): Promise<void> {
    if (event.type === Events.CaseSubmitted.type) await this.submitted(event as IncomingEvent<CaseSubmitted>, tx, store);
    else if (DECIDED.has(event.type)) await this.itemEnded(event, permitOfDecision((event as IncomingEvent<ItemDecided>).payload), tx, store);
    else if (PROGRESSED.has(event.type)) await this.itemEnded(event, permitOfProgress((event as IncomingEvent<ItemProgressed>).payload), tx, store);
    else if (event.type === Events.PermitCancelled.type) await this.permitCancelled(event as IncomingEvent<PermitCancelled>, store);
  }

  private keysOf(events: readonly IncomingEvent[]): RecordBatchKeys {
    const caseIds = new Set<string>();
    const applicantIds = new Set<string>();
    for (const event of events) {
      if (!RECORDED.has(event.type)) continue;
      // Every event the record folds names its case in its payload.
      caseIds.add((event.payload as { caseId: string }).caseId);
      if (event.type !== Events.CaseSubmitted.type) continue;
      const applicantId = this.applicantOf((event as IncomingEvent<CaseSubmitted>).payload);
      if (applicantId) applicantIds.add(applicantId);
    }
    return { caseIds, applicantIds };
  }

  private applicantOf(payload: CaseSubmitted): string {
    return payload.applicantId || (payload.applicant?.passportNo ? this.applicantIds.of(payload.applicant.nationality, payload.applicant.passportNo) : '');
  }

  private async submitted(event: IncomingEvent<CaseSubmitted>, tx: Transaction, store: RecordStore): Promise<void> {
    const { payload } = event;
    const applicantId = this.applicantOf(payload);
    if (!applicantId) return;
    // A permit decided before its case arrived is held all the same. The case's lock makes a decision
    // folded at the same time wait for this case row, or this read wait for its permit: neither misses the other.
    await tx.lock(caseLockKey(payload.caseId));
    const earlier = await store.keepCase({
      caseId: payload.caseId,
      applicantId,
      submitterSubject: payload.submittedBy?.subject ?? '',
      submitterRole: payload.submittedBy?.role ?? '',
      submittedAt: event.occurredAt,
    });
    const held = earlier.flatMap((row) => holdingsOfPermit(permitOfRow(row), decided(provenanceOfRow(row))));
    const filed: Offer = { ...provenanceOf(event, payload.caseId), trust: trustOfSubmitter(payload.submittedBy?.role), offeredBy: payload.submittedBy?.role || 'unknown' };
    await this.mergeInto(applicantId, [...fieldsOfSubmission(payload, filed), ...held], event, tx, store);
  }

  private async itemEnded(event: IncomingEvent, permit: PermitState | undefined, tx: Transaction, store: RecordStore): Promise<void> {
    if (!permit || !permit.caseId) return;
    const provenance = provenanceOf(event, permit.caseId);
    await tx.lock(caseLockKey(permit.caseId));
    const existing = await store.permitOf(permit.caseId, permit.item);
    if (existing && !isLaterThan(provenance, provenanceOfRow(existing))) return;
    const owner = await store.keepPermit(
      { ...permit, source: provenance.source, sourceEventId: provenance.sourceEventId, updatedAt: provenance.updatedAt },
      {
        subject: `permits.${permit.item}`,
        caseId: permit.caseId,
        oldValue: existing ? permitSnapshot(existing) : null,
        newValue: permitSnapshot(permit),
        source: provenance.source,
        sourceEventId: provenance.sourceEventId,
        occurredAt: provenance.updatedAt,
      },
    );
    if (owner) await this.mergeInto(owner, holdingsOfPermit(permit, decided(provenance)), event, tx, store);
  }

  /**
   * Kept beside the item's outcome (never over it), once per permit, so the grant and the
   * cancellation fold to the same record in either order. The pre-filled holdings are left as they
   * are: which permit a person holds now depends on the order of their cases' events, and a
   * retraction that read it would not be order-free; the record's permits show the cancellation.
   */
  private async permitCancelled(event: IncomingEvent<PermitCancelled>, store: RecordStore): Promise<void> {
    const cancellation = permitCancellationOf(event.payload);
    if (!cancellation) return;
    const provenance = provenanceOf(event, cancellation.caseId);
    if (!(await store.keepCancellation({ ...cancellation, source: provenance.source, sourceEventId: provenance.sourceEventId, updatedAt: provenance.updatedAt }))) return;
    await store.recordChanges([
      { subject: `permits.${cancellation.item}`, caseId: cancellation.caseId, ...cancellationChange(cancellation), source: provenance.source, sourceEventId: provenance.sourceEventId, occurredAt: provenance.updatedAt },
    ]);
  }

  private async mergeInto(applicantId: string, incoming: RecordFieldValue[], cause: IncomingEvent, tx: Transaction, store: RecordStore): Promise<void> {
    if (incoming.length === 0) return;
    // Two cases of one person may be folded at once (different partitions); each merge sees the other's result.
    await tx.lock(`record-applicant:${applicantId}`);
    const current = await store.offer(applicantId, incoming);
    const { written, changes, kept } = mergeFields(current, incoming);
    if (written.length === 0) return;
    const announced = written.some((field) => isPrefillable(field.path));
    const version = await store.keepFields(applicantId, written, changes, announced);
    // Only this fold writes the record's fields, under the applicant's lock: what it kept is what a fresh read would find.
    if (announced) await this.announce(applicantId, version ?? 0, kept, cause, tx);
  }

  private async announce(applicantId: string, version: number, kept: readonly RecordFieldValue[], cause: IncomingEvent, tx: Transaction): Promise<void> {
    const fields = kept.filter((field) => isPrefillable(field.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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

function provenanceOfRow(row: PermitRow): Provenance {
  return { source: row.source, sourceCaseId: row.caseId, sourceEventId: row.sourceEventId, updatedAt: row.updatedAt };
}

function permitOfRow(row: PermitRow): PermitState {
  return { item: row.item, caseId: row.caseId, action: row.action, agency: row.agency, status: row.status, details: row.details, reason: row.reason, reasonMessage: row.reasonMessage };
}
