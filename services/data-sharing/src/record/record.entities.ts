import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PermitStatus } from './record-events';
import type { JsonValue, OfferedBy, Trust } from './record-field';

/** A catalogue message as a jsonb column keeps it (read back with `messageOrWritten`). */
export interface StoredMessage {
  code: string;
  params: object;
}

/** One person of the shared record. */
@Entity('record_applicant')
export class RecordApplicantRow {
  @PrimaryColumn({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  /** Raised each time the pre-fillable part changes; the number `sharing.record.updated` carries. */
  @Column({ type: 'integer' })
  version!: number;
}

/** Which person a case is about, and who submitted it. */
@Entity('record_case')
export class RecordCaseRow {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Index()
  @Column({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  @Column({ name: 'submitter_subject', type: 'text' })
  submitterSubject!: string;

  @Column({ name: 'submitter_role', type: 'text' })
  submitterRole!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}

/** A value offered for a field of a person's record, with where it came from and how far it is vouched for. */
abstract class OfferedValueColumns {
  @Column({ type: 'jsonb' })
  value!: JsonValue;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'source_case_id', type: 'text' })
  sourceCaseId!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'text' })
  trust!: Trust;

  @Column({ name: 'offered_by', type: 'text' })
  offeredBy!: OfferedBy;
}

/** The value kept for one field of a person's record (the highest-ranked offer), with its provenance. */
@Entity('record_field')
export class RecordFieldRow extends OfferedValueColumns {
  @PrimaryColumn({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  @PrimaryColumn({ type: 'text' })
  path!: string;

  @Column({ name: 'source_event_id', type: 'text' })
  sourceEventId!: string;
}

/** Every value ever offered for a field of a person's record, one row per offering event: what conflicts are computed from. */
@Entity('record_offer')
export class RecordOfferRow extends OfferedValueColumns {
  @PrimaryColumn({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  @PrimaryColumn({ type: 'text' })
  path!: string;

  @PrimaryColumn({ name: 'source_event_id', type: 'text' })
  sourceEventId!: string;
}

/** One item of one case as it ended (granted, rejected, terminated, withdrawn); kept by case so a decision may arrive before its case. */
@Entity('record_permit')
export class RecordPermitRow {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @PrimaryColumn({ type: 'text' })
  item!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  agency!: string;

  @Column({ type: 'text' })
  status!: PermitStatus;

  @Column({ type: 'jsonb' })
  details!: Record<string, string | number>;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The reason as the catalogue's message; null for rows folded before it was kept (read as the plain text). */
  @Column({ name: 'reason_message', type: 'jsonb', nullable: true })
  reasonMessage!: StoredMessage | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'source_event_id', type: 'text' })
  sourceEventId!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * A granted permit cancelled (注销) by its owner, beside the item's outcome rather than over it: the
 * grant and the cancellation are each folded once, in whatever order they arrive.
 */
@Entity('record_permit_cancellation')
export class RecordPermitCancellationRow {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @PrimaryColumn({ type: 'text' })
  item!: string;

  @Column({ name: 'permit_no', type: 'text' })
  permitNo!: string;

  @Column({ name: 'cancelled_on', type: 'date' })
  cancelledOn!: string;

  /** contract_ended or joint_review_rejected. */
  @Column({ type: 'text' })
  ground!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** The reason as the catalogue's message; null for rows folded before it was kept (read as the plain text). */
  @Column({ name: 'reason_message', type: 'jsonb', nullable: true })
  reasonMessage!: StoredMessage | null;

  @Column({ name: 'contract_ended_on', type: 'date', nullable: true })
  contractEndedOn!: string | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'source_event_id', type: 'text' })
  sourceEventId!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Append-only history of the record: each change of a field or an item, kept by case. */
@Entity('record_change')
export class RecordChangeRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Index()
  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'old_value', type: 'jsonb', nullable: true })
  oldValue!: JsonValue | null;

  @Column({ name: 'new_value', type: 'jsonb', nullable: true })
  newValue!: JsonValue | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'source_event_id', type: 'text' })
  sourceEventId!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
