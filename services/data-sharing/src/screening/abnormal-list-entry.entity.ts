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

  /** The reporting agency. */
  @Column({ type: 'text' })
  source!: string;

  @CreateDateColumn({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;
}
