import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A case whose acceptance notice is to be issued (one per case), written when its CaseSubmitted comes back. */
@Entity('acceptance_notice_request')
export class AcceptanceNoticeRequest {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column({ name: 'causation_id', type: 'text' })
  causationId!: string;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
