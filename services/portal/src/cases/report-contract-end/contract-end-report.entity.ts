import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The employer's report that the contract behind a case's work permit ended: one per case. */
@Entity('contract_end_report')
export class ContractEndReport {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'permit_no', type: 'text' })
  permitNo!: string;

  @Column({ name: 'ended_on', type: 'date' })
  endedOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** The day of the report in China. */
  @Column({ name: 'reported_on', type: 'date' })
  reportedOn!: string;

  @Column({ name: 'days_after_end', type: 'integer' })
  daysAfterEnd!: number;

  @Column({ name: 'window_days', type: 'integer' })
  windowDays!: number;

  @Column({ type: 'boolean' })
  late!: boolean;

  @Column({ name: 'reported_by_subject', type: 'text' })
  reportedBySubject!: string;

  /** employer, or clerk for a report taken at the window. */
  @Column({ name: 'reported_by_role', type: 'text' })
  reportedByRole!: string;

  @CreateDateColumn({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;
}
