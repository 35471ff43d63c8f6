import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of the abnormal-information list, reported by an agency. */
@Entity('abnormal_list_entry')
export class AbnormalListEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Upper case, without spaces: see normalisePassportNo. */
  @Column({ name: 'passport_no', type: 'text' })
  passportNo!: string;

  /** ISO 3166-1 alpha-3. */
  @Column({ type: 'text' })
  nationality!: string;

  /** For the near-match check (name and birth date), when the reporting agency knows them. */
  @Column({ type: 'text', nullable: true })
  surname!: string | null;

  @Column({ name: 'given_names', type: 'text', nullable: true })
  givenNames!: string | null;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  /** The reporting agency: the reporting officer's own, from their token. */
  @Column({ type: 'text' })
  source!: string;

  /** The reporting officer's token subject; null for entries reported before it was recorded. */
  @Column({ name: 'reported_by', type: 'text', nullable: true })
  reportedBy!: string | null;

  @CreateDateColumn({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;

  /** The last day (in China) the entry applies; null: until lifted. */
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;

  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true })
  liftedAt!: Date | null;

  /** The lifting officer's token subject. */
  @Column({ name: 'lifted_by', type: 'text', nullable: true })
  liftedBy!: string | null;

  @Column({ name: 'lift_reason', type: 'text', nullable: true })
  liftReason!: string | null;
}
