import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** `dead_lettered` until an operator replays it (then `processed`) or discards it. */
export type InboxOutcome = 'processed' | 'dead_lettered' | 'discarded';

/** A consumed event, recorded in the same transaction as its effect so a redelivery is a no-op. */
@Entity('inbox_entry')
export class InboxEntry {
  @PrimaryColumn({ name: 'consumer_group', type: 'text' })
  consumerGroup!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'text' })
  outcome!: InboxOutcome;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt!: Date;
}
