import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type CaseStatus = 'in_progress' | 'completed' | 'withdrawn';
export type Channel = 'online' | 'offline';

/** One application of the "one thing", as submitted; its items and timeline are kept beside it. */
@Entity('case_file')
export class CaseFile {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ name: 'catalogue_version', type: 'text' })
  catalogueVersion!: string;

  @Column({ name: 'submitted_by_subject', type: 'text' })
  submittedBySubject!: string;

  @Column({ name: 'submitted_by_role', type: 'text' })
  submittedByRole!: string;

  /** Set when the applicant submitted it themselves. */
  @Column({ name: 'applicant_subject', type: 'text', nullable: true })
  applicantSubject!: string | null;

  /** Set when the employer submitted it for its employee. */
  @Column({ name: 'employer_subject', type: 'text', nullable: true })
  employerSubject!: string | null;

  @Column({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  /** The form as submitted, nested by path. */
  @Column({ type: 'jsonb' })
  body!: Record<string, unknown>;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
