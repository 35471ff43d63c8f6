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

  /** Set when the applicant submitted it themselves (a record of who filed; ownership goes by `applicantId`). */
  @Column({ name: 'applicant_subject', type: 'text', nullable: true })
  applicantSubject!: string | null;

  /** Set when the employer submitted it for its employee (a record of who filed; ownership goes by `employerUscc`). */
  @Column({ name: 'employer_subject', type: 'text', nullable: true })
  employerSubject!: string | null;

  /** The person the case is for (ApplicantIds of the form's nationality and passport): that applicant owns it, whoever filed it. */
  @Column({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  /** The employer the case is for (the form's credit code, upper case): that employer owns it, whoever filed it. */
  @Column({ name: 'employer_uscc', type: 'text', nullable: true })
  employerUscc!: string | null;

  /** The form as submitted, nested by path. */
  @Column({ type: 'jsonb' })
  body!: Record<string, unknown>;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
