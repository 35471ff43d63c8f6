import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReminderStatus = 'pending' | 'sent' | 'skipped';

/** One reminder to extend a granted permit, written once when the permit is granted and handled once. */
@Entity('permit_reminder')
export class PermitReminder {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @PrimaryColumn({ name: 'days_before', type: 'integer' })
  daysBefore!: number;

  /** The case's applicant, so a later grant of the same permit supersedes this one. */
  @Column({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  @Column({ name: 'permit_no', type: 'text', nullable: true })
  permitNo!: string | null;

  @Column({ name: 'valid_to', type: 'date' })
  validTo!: string;

  @Column({ name: 'remind_on', type: 'date' })
  remindOn!: string;

  @Column({ type: 'text' })
  status!: ReminderStatus;

  @Column({ name: 'handled_at', type: 'timestamptz', nullable: true })
  handledAt!: Date | null;
}
