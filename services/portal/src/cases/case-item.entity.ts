import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** API.md's item status codes. */
export type ItemStatus = 'pending' | 'in_review' | 'awaiting_supplement' | 'joint_review' | 'granted' | 'rejected' | 'terminated' | 'withdrawn';

/**
 * A catalogue message (`Message` of @work-permit/catalogue) as a jsonb column holds it; read back through
 * `messageOrWritten`, which checks it. Its parameters stay opaque here (TypeORM's partial types cannot follow
 * the message's nested parameters).
 */
export interface StoredMessage {
  code: string;
  params: Readonly<Record<string, unknown>>;
}

export const FINAL_ITEM_STATUSES: readonly ItemStatus[] = ['granted', 'rejected', 'terminated', 'withdrawn'];

/** The portal's view of one item of a case, following the owning agency's events. */
@Entity('case_item')
export class CaseItem {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  agency!: string;

  @Column({ type: 'text' })
  status!: ItemStatus;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  /** The reason as one plain text (`中文 / English` from the agencies, a person's words as written): what older readers show. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The reason as the catalogue's message, rendered in the reader's language; null on rows from before it (then `reason` is shown as written). */
  @Column({ name: 'reason_message', type: 'jsonb', nullable: true })
  reasonMessage!: StoredMessage | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;

  /** Materials the agency asked for in its last supplement request. */
  @Column({ name: 'requested_materials', type: 'jsonb', default: () => "'[]'" })
  requestedMaterials!: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
