import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One fact of a person's record they declined to have reused in one case's form (`portal.prefill.declined`):
 * which fact, when, in which case, and the record version and source it was offered from. Never the value.
 */
@Entity('record_refusal')
export class RecordRefusalRow {
  @PrimaryColumn({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @PrimaryColumn({ type: 'text' })
  path!: string;

  /** The submission's time (the event's `occurredAt`). */
  @Column({ name: 'refused_at', type: 'timestamptz' })
  refusedAt!: Date;

  @Column({ name: 'record_version', type: 'integer' })
  recordVersion!: number;

  /** The event type that had set the value the form offered. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'source_case_id', type: 'text' })
  sourceCaseId!: string;

  @Column({ name: 'value_updated_at', type: 'timestamptz', nullable: true })
  valueUpdatedAt!: Date | null;

  @Column({ name: 'source_event_id', type: 'text' })
  sourceEventId!: string;
}
