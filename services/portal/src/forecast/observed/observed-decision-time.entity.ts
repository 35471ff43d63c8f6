import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One bar of the observed decision times' histogram: how many decisions of an item and action, made in
 * a month, took `workingDays` of the item's clock. Folded in by `ObservedDecisionTimes.record` with the
 * decision's inbox row; read back, month by month within the window, as a median.
 */
@Entity('observed_decision_time')
export class ObservedDecisionTimeBucket {
  @PrimaryColumn({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @PrimaryColumn({ type: 'text' })
  action!: string;

  /** The first day of the month the decisions fell in (China's days). */
  @PrimaryColumn({ name: 'decided_month', type: 'date' })
  decidedMonth!: string;

  @PrimaryColumn({ name: 'working_days', type: 'integer' })
  workingDays!: number;

  @Column({ type: 'integer' })
  decisions!: number;
}
