import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CaseFacts } from '../policy/item-policy';

/** The agency's own copy of a case it has items in: the form and the documents now on file. */
@Entity('review_case')
export class ReviewCaseRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column({ type: 'jsonb' })
  facts!: CaseFacts;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;
}
