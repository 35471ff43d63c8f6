import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredMessage } from '../record/record.entities';
import type { ItemState } from './stats-model';

/** One change of an item's state, keyed by the event that reported it, so a redelivery adds nothing. */
@Entity('stats_item_transition')
export class StatsItemTransition {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @PrimaryColumn({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  state!: ItemState;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** The event's plain reason text. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The reason as the catalogue's message; null for rows folded before it was kept (counted by their text, as written). */
  @Column({ name: 'reason_message', type: 'jsonb', nullable: true })
  reasonMessage!: StoredMessage | null;

  @Column({ name: 'requested_materials', type: 'jsonb' })
  requestedMaterials!: string[];
}
