import { Column, Entity, PrimaryColumn } from 'typeorm';
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

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'requested_materials', type: 'jsonb' })
  requestedMaterials!: string[];
}
