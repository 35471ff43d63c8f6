import type { StoredMessage } from './stored-message';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface StoredOpinion {
  agency: string;
  opinion: 'approve' | 'reject';
  reason: string;
  officer: string;
  givenAt: string;
}

/**
 * The joint review the lead agency (admin-approval) runs for a case: `requested` when the screening
 * referred the case before the case itself arrived here, `open` while opinions are outstanding.
 */
@Entity('joint_review')
export class JointReviewRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  status!: 'requested' | 'open' | 'approved' | 'rejected';

  @Column({ type: 'jsonb' })
  reason!: StoredMessage;

  /** The agencies whose opinion is needed. */
  @Column({ type: 'jsonb' })
  agencies!: string[];

  @Column({ type: 'jsonb' })
  opinions!: StoredOpinion[];

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true })
  concludedAt!: Date | null;
}
