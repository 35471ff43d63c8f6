import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The access log's head as last published on sharing.events (one row): written in the transaction
 * that puts the event in the outbox, so a head is published once, and only when the log moved past it.
 */
@Entity('record_access_log_head')
export class RecordAccessLogHeadRow {
  /** Always 1. */
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  /** 0 until the first publication. */
  @Column({ name: 'row_id', type: 'bigint', transformer: { to: (id: number) => id, from: (id: string) => Number(id) } })
  rowId!: number;

  @Column({ type: 'text' })
  hash!: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
