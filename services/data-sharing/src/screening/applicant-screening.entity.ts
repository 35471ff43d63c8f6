import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The one screening of a case: written with its result event, so a case is never screened twice. */
@Entity('applicant_screening')
export class ApplicantScreening {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** `possible`: a name and birth-date near match that a person checks, then `clear` or `listed`. */
  @Column({ type: 'text' })
  outcome!: 'clear' | 'listed' | 'possible';

  /** The list entries that matched. */
  @Column({ name: 'matched_entries', type: 'jsonb' })
  matchedEntries!: string[];

  @Column({ name: 'item_action', type: 'text' })
  itemAction!: string;

  /** The officer who resolved a possible match. */
  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolution_reason', type: 'text', nullable: true })
  resolutionReason!: string | null;

  @CreateDateColumn({ name: 'screened_at', type: 'timestamptz' })
  screenedAt!: Date;
}
