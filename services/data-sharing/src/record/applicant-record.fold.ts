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
import { caseLockKey } from '../events/case-lock';
import type { EventFold } from '../events/event-fold';
import { cancellationChange, fieldsOfSubmission, holdingsOfPermit, permitCancellationOf, type PermitState, permitOfDecision, permitOfProgress, permitSnapshot } from './record-events';
import { isLaterThan, isPrefillable, mergeFields, type Offer, type Provenance, type RecordChange, type RecordFieldValue, trustOfSubmitter } from './record-field';
import { RecordPermitCancellationRow, RecordPermitRow } from './record.entities';

const DECIDED = new Set<string>(ItemDecidedEvents.map((e) => e.type));
const PROGRESSED = new Set<string>(ItemProgressedEvents.map((e) => e.type));

/** What the shared record folds: submissions, the agencies' outcomes and the permits' cancellations. */
export const RECORD_EVENT_TYPES: readonly string[] = [Events.CaseSubmitted.type, ...DECIDED, ...PROGRESSED, Events.PermitCancelled.type];

/** Offered values (a `RecordFieldValue[]` in JSON) as rows. */
const OFFERED_IN = (param: string) => `jsonb_to_recordset(${param}::jsonb) AS offered (
  path text, value jsonb, source text, "sourceCaseId" text, "sourceEventId" text, "updatedAt" timestamptz, trust text, "offeredBy" text)`;

/** A CTE appending the history entries (a `RecordChange[]` in JSON), in their order. */
const RECORD_CHANGES = (param: string) => `history AS (
  INSERT INTO record_change (case_id, subject, old_value, new_value, source, source_event_id, occurred_at)
  SELECT "caseId", subject, "oldValue", "newValue", source, "sourceEventId", "occurredAt"
  FROM ROWS FROM (jsonb_to_recordset(${param}::jsonb) AS (
    "caseId" text, subject text, "oldValue" jsonb, "newValue" jsonb, source text, "sourceEventId" text, "occurredAt" timestamptz)) WITH ORDINALITY AS change (
    "caseId", subject, "oldValue", "newValue", source, "sourceEventId", "occurredAt", position)
  ORDER BY position)`;

/** Keeps the case and its person; answers the permits of the case decided before it arrived. */
const KEEP_CASE_READ_PERMITS = `
  WITH kept_case AS (
    INSERT INTO record_case (case_id, applicant_id, submitter_subject, submitter_role, submitted_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
  ), kept_applicant AS (
    INSERT INTO record_applicant (applicant_id, version) VALUES ($2, 0) ON CONFLICT DO NOTHING
  )
  SELECT case_id AS "caseId", item, action, agency, status, details, reason, reason_message AS "reasonMessage", source, source_event_id AS "sourceEventId", updated_at AS "updatedAt"
  FROM record_permit WHERE case_id = $1`;

/** Keeps the item's outcome and its history entry; answers the person the case is about, if it has arrived. */
const KEEP_PERMIT_READ_OWNER = `
  WITH kept_permit AS (
    INSERT INTO record_permit (case_id, item, action, agency, status, details, reason, reason_message, source, source_event_id, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $10, $11)
    ON CONFLICT (case_id, item) DO UPDATE SET action = EXCLUDED.action, agency = EXCLUDED.agency, status = EXCLUDED.status, details = EXCLUDED.details,
      reason = EXCLUDED.reason, reason_message = EXCLUDED.reason_message, source = EXCLUDED.source, source_event_id = EXCLUDED.source_event_id, updated_at = EXCLUDED.updated_at
  ), ${RECORD_CHANGES('$12')}
  SELECT applicant_id FROM record_case WHERE case_id = $1`;

/** Keeps every offered value (what conflicts are computed from); answers the person's kept values. */
const OFFER_READ_FIELDS = `
  WITH kept_offers AS (
    INSERT INTO record_offer (applicant_id, path, value, source, source_case_id, source_event_id, updated_at, trust, offered_by)
    SELECT $1, path, value, source, "sourceCaseId", "sourceEventId", "updatedAt", trust, "offeredBy" FROM ${OFFERED_IN('$2')}
    ON CONFLICT DO NOTHING
  )
  SELECT path, value, source, source_case_id AS "sourceCaseId", source_event_id AS "sourceEventId", updated_at AS "updatedAt", trust, offered_by AS "offeredBy"
  FROM record_field WHERE applicant_id = $1`;

/** Keeps the values that won and their history entries; when the pre-fillable part changed ($4), raises the person's version and answers it. */
const KEEP_FIELDS_BUMP_VERSION = `
  WITH kept_fields AS (
    INSERT INTO record_field (applicant_id, path, value, source, source_case_id, source_event_id, updated_at, trust, offered_by)
    SELECT $1, path, value, source, "sourceCaseId", "sourceEventId", "updatedAt", trust, "offeredBy" FROM ${OFFERED_IN('$2')}
    ON CONFLICT (applicant_id, path) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, source_case_id = EXCLUDED.source_case_id,
      source_event_id = EXCLUDED.source_event_id, updated_at = EXCLUDED.updated_at, trust = EXCLUDED.trust, offered_by = EXCLUDED.offered_by
  ), ${RECORD_CHANGES('$3')}, bumped AS (
    UPDATE record_applicant SET version = version + 1 WHERE applicant_id = $1 AND $4::boolean RETURNING version
  )
  SELECT version FROM bumped`;

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
    // A permit decided before its case arrived is held all the same. The case's lock makes a decision
    // folded at the same time wait for this case row, or this read wait for its permit: neither misses the other.
    await tx.lock(caseLockKey(payload.caseId));
    const earlier = (await tx.manager.query(KEEP_CASE_READ_PERMITS, [
      payload.caseId,
      applicantId,
      payload.submittedBy?.subject ?? '',
      payload.submittedBy?.role ?? '',
      event.occurredAt,
    ])) as PermitRow[];
    const held = earlier.flatMap((row) => holdingsOfPermit(permitOfRow(row), decided(provenanceOfRow(row))));
    const filed: Offer = { ...provenanceOf(event, payload.caseId), trust: trustOfSubmitter(payload.submittedBy?.role), offeredBy: payload.submittedBy?.role || 'unknown' };
    await this.mergeInto(applicantId, [...fieldsOfSubmission(payload, filed), ...held], event, tx);
  }

  private async itemEnded(event: IncomingEvent, permit: PermitState | undefined, tx: Transaction): Promise<void> {
    if (!permit || !permit.caseId) return;
    const { manager } = tx;
    const provenance = provenanceOf(event, permit.caseId);
    await tx.lock(caseLockKey(permit.caseId));
    const existing = await manager.findOneBy(RecordPermitRow, { caseId: permit.caseId, item: permit.item });
    if (existing && !isLaterThan(provenance, provenanceOfRow(existing))) return;
    const change: RecordChange = {
      subject: `permits.${permit.item}`,
      caseId: permit.caseId,
      oldValue: existing ? permitSnapshot(existing) : null,
      newValue: permitSnapshot(permit),
      source: provenance.source,
      sourceEventId: provenance.sourceEventId,
      occurredAt: provenance.updatedAt,
    };
    const [owner] = (await manager.query(KEEP_PERMIT_READ_OWNER, [
      permit.caseId,
      permit.item,
      permit.action,
      permit.agency,
      permit.status,
      JSON.stringify(permit.details),
      permit.reason,
      permit.reasonMessage ? JSON.stringify(permit.reasonMessage) : null,
      provenance.source,
      provenance.sourceEventId,
      provenance.updatedAt,
      JSON.stringify([change]),
    ])) as { applicant_id: string }[];
    if (owner) await this.mergeInto(owner.applicant_id, holdingsOfPermit(permit, decided(provenance)), event, tx);
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
    await tx.lock(`record-applicant:${applicantId}`);
    const current = (await manager.query(OFFER_READ_FIELDS, [applicantId, JSON.stringify(incoming)])) as RecordFieldValue[];
    const { written, changes, kept } = mergeFields(current, incoming);
    if (written.length === 0) return;
    const announced = written.some((field) => isPrefillable(field.path));
    const [bumped] = (await manager.query(KEEP_FIELDS_BUMP_VERSION, [applicantId, JSON.stringify(written), JSON.stringify(changes), announced])) as { version: number }[];
    // Only this fold writes the record's fields, under the applicant's lock: what it kept is what a fresh read would find.
    if (announced) await this.announce(applicantId, bumped?.version ?? 0, kept, cause, tx);
  }

  private async recordChanges(manager: EntityManager, changes: RecordChange[]): Promise<void> {
    if (changes.length > 0) await manager.query(`WITH ${RECORD_CHANGES('$1')} SELECT 1`, [JSON.stringify(changes)]);
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

type PermitRow = Pick<RecordPermitRow, 'caseId' | 'item' | 'action' | 'agency' | 'status' | 'details' | 'reason' | 'reasonMessage' | 'source' | 'sourceEventId' | 'updatedAt'>;

function provenanceOfRow(row: PermitRow): Provenance {
  return { source: row.source, sourceCaseId: row.caseId, sourceEventId: row.sourceEventId, updatedAt: row.updatedAt };
}

function permitOfRow(row: PermitRow): PermitState {
  return { item: row.item, caseId: row.caseId, action: row.action, agency: row.agency, status: row.status, details: row.details, reason: row.reason, reasonMessage: row.reasonMessage };
}
