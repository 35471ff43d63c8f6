import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseChannel, CaseStatus } from './stats-model';

/** One case as the statistics see it; a row may exist before its submission is seen. */
@Entity('stats_case')
export class StatsCase {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text', nullable: true })
  channel!: CaseChannel | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ name: 'joint_review_opened_at', type: 'timestamptz', nullable: true })
  jointReviewOpenedAt!: Date | null;

  @Column({ name: 'joint_review_concluded_at', type: 'timestamptz', nullable: true })
  jointReviewConcludedAt!: Date | null;
}
