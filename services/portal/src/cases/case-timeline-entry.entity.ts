import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** API.md's timeline entry types. */
export type TimelineEntryType =
  | 'submitted'
  | 'review_started'
  | 'supplement_requested'
  | 'supplemented'
  | 'decided'
  | 'terminated'
  | 'overdue'
  | 'flagged'
  | 'joint_review_opened'
  | 'joint_review_concluded'
  | 'withdrawn'
  // Cancellation (注销): the employer reported the contract's end; the permit's owner cancelled it.
  | 'contract_end_reported'
  | 'cancelled';

@Entity('case_timeline_entry')
export class CaseTimelineEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  type!: TimelineEntryType;

  @Column({ type: 'text', nullable: true })
  agency!: string | null;

  @Column({ type: 'text', nullable: true })
  item!: string | null;
}
