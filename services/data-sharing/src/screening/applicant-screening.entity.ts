import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The one screening of a case: written with its result event, so a case is never screened twice. */
@Entity('applicant_screening')
export class ApplicantScreening {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  outcome!: 'clear' | 'listed';

  /** The list entries that matched. */
  @Column({ name: 'matched_entries', type: 'jsonb' })
  matchedEntries!: string[];

  @CreateDateColumn({ name: 'screened_at', type: 'timestamptz' })
  screenedAt!: Date;
}
