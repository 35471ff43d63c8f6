import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredMessage } from '../record/record.entities';
import type { ItemOutcome } from './stats-model';

/** One item of a case: when it moved, how it ended. Every time is an event's `occurredAt`. */
@Entity('stats_item')
export class StatsItem {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ type: 'text', nullable: true })
  agency!: string | null;

  /** False for a step inside a chosen item (talent category), which the case's status ignores. */
  @Column({ type: 'boolean' })
  chosen!: boolean;

  @Column({ name: 'review_started_at', type: 'timestamptz', nullable: true })
  reviewStartedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome!: ItemOutcome | null;

  @Column({ name: 'outcome_at', type: 'timestamptz', nullable: true })
  outcomeAt!: Date | null;

  /** The event's plain reason text. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The reason as the catalogue's message; null for rows folded before it was kept (counted by their text, as written). */
  @Column({ name: 'reason_message', type: 'jsonb', nullable: true })
  reasonMessage!: StoredMessage | null;

  @Column({ name: 'supplement_requested_at', type: 'timestamptz', nullable: true })
  supplementRequestedAt!: Date | null;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  /** The due date the (first) overdue notice announced passed. */
  @Column({ name: 'overdue_due_date', type: 'date', nullable: true })
  overdueDueDate!: string | null;
}
