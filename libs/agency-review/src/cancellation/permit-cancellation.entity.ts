import type { StoredMessage } from '../persistence/stored-message';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CancellationGround } from './permit-cancellation.rules';

/**
 * A permit cancelled (注销): at its owner, the cancellation it made (`cancelled`); at an agency whose
 * items depend on it, the notice it received (`told`). One row per permit, keyed by the case that
 * granted it, so a redelivered report or notice changes nothing.
 */
@Entity('permit_cancellation')
export class PermitCancellationRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ type: 'text' })
  role!: 'cancelled' | 'told';

  @Column({ name: 'permit_no', type: 'text' })
  permitNo!: string;

  /** The holder in the shared applicant record: this agency's other cases relying on the permit are found by it. */
  @Column({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  @Column({ name: 'cancelled_on', type: 'date' })
  cancelledOn!: string;

  @Column({ type: 'text' })
  ground!: CancellationGround;

  @Column({ type: 'jsonb' })
  reason!: StoredMessage;

  @Column({ name: 'contract_ended_on', type: 'date', nullable: true })
  contractEndedOn!: string | null;

  @Column({ name: 'reported_late', type: 'boolean', default: false })
  reportedLate!: boolean;

  /** Who reported the contract's end (at the owner): the employer's or the window clerk's subject and role. */
  @Column({ name: 'reported_by', type: 'jsonb', nullable: true })
  reportedBy!: { subject: string; role: string } | null;

  /** The items that depend on the permit, by the catalogue's graph: at the owner every agency's, elsewhere this agency's. */
  @Column({ name: 'dependant_items', type: 'jsonb' })
  dependantItems!: string[];

  /** The items this agency ended here because of it (case and item). */
  @Column({ name: 'ended_items', type: 'jsonb' })
  endedItems!: { caseId: string; code: string }[];

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
