import type { StoredMessage } from './stored-message';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Pause, TimeLimit } from '@work-permit/workdays';
import type { ItemAssessment, ItemResultView } from '../policy/item-policy';
import type { DecisionLimitExtension, ReviewItem, ReviewStatus } from '../review/review-model';

/** One item the agency reviews in one case (ReviewItem, as stored). */
@Entity('review_item')
export class ReviewItemRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  action!: ReviewItem['action'];

  @Column({ type: 'text' })
  status!: ReviewStatus;

  @Column({ name: 'time_limit', type: 'jsonb' })
  timeLimit!: TimeLimit;

  @Column({ type: 'jsonb' })
  pauses!: Pause[];

  @Column({ name: 'supplement_requested', type: 'boolean' })
  supplementRequested!: boolean;

  @Column({ name: 'requested_materials', type: 'jsonb' })
  requestedMaterials!: string[];

  @Column({ name: 'still_missing', type: 'jsonb' })
  stillMissing!: string[];

  @Column({ type: 'jsonb', nullable: true })
  reason!: StoredMessage | null;

  @Column({ type: 'jsonb', nullable: true })
  assessment!: ItemAssessment | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: ItemResultView | null;

  @Column({ name: 'decided_by_kind', type: 'text', nullable: true })
  decidedByKind!: 'automatic' | 'officer' | null;

  @Column({ name: 'decided_by_subject', type: 'text', nullable: true })
  decidedBySubject!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'clock_starts_on', type: 'date', nullable: true })
  clockStartsOn!: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ name: 'due_date_provisional', type: 'boolean' })
  dueDateProvisional!: boolean;

  @Column({ name: 'statutory_limit', type: 'jsonb', nullable: true })
  statutoryLimit!: TimeLimit | null;

  @Column({ name: 'statutory_due_date', type: 'date', nullable: true })
  statutoryDueDate!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  extension!: DecisionLimitExtension | null;

  /** Set once, when the escalation to the lead agency is published (the statutory limit ran out). */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  /** Set once, when the overdue notice is published: the timer never announces an item twice. */
  @Column({ name: 'overdue_announced_at', type: 'timestamptz', nullable: true })
  overdueAnnouncedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
