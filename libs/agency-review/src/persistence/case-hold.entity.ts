import type { StoredMessage } from './stored-message';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CaseHold } from '../review/review-model';

/** A joint review of the case as this agency knows it, kept even before the case itself arrives. */
@Entity('case_hold')
export class CaseHoldRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  status!: CaseHold['status'];

  @Column({ type: 'jsonb' })
  reason!: StoredMessage;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
