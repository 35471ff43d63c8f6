import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One read of the shared record. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained. */
@Entity('record_access_log')
export class RecordAccessLogRow {
  /** 1, 2, 3…: gapless, so a removed row breaks the chain. */
  @PrimaryColumn({ type: 'bigint', transformer: { to: (id: number) => id, from: (id: string) => Number(id) } })
  id!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Index()
  @Column({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  @Column({ type: 'text' })
  agency!: string;

  /** The reader's token subject. */
  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  purpose!: string;

  /** The released field keys, sorted. */
  @Column({ type: 'jsonb' })
  fields!: string[];

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
