import type { StoredMessage } from './stored-message';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ItemResultView, OutcomeStatus } from '../policy/item-policy';

/**
 * A final outcome of an item in a case, this agency's or another's, kept even before the case
 * itself arrives: events of different topics may come in any order.
 */
@Entity('prerequisite_outcome')
export class PrerequisiteOutcomeRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  status!: OutcomeStatus;

  @Column({ type: 'jsonb', nullable: true })
  reason!: StoredMessage | null;

  @Column({ type: 'jsonb' })
  result!: ItemResultView;

  /** The day (in China) its owner decided it; a dependant's clock starts on the last such day. */
  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
