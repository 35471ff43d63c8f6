import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { StoredMessage } from '../cases/case-item.entity';

/** What a notification tells of: an item's result, a supplement request, a permit about to expire, or a permit cancelled. */
export type NoticeKind = 'granted' | 'rejected' | 'terminated' | 'withdrawn' | 'supplement_requested' | 'permit_expiring' | 'permit_cancelled';

export type RecipientRole = 'applicant' | 'employer';

/**
 * One message to one recipient: the catalogue's messages, rendered in the reader's language when it is
 * read, and their texts in both languages as written then (what rows from before the messages have).
 * The row is the inbox channel itself; other channels deliver it through `notification_delivery`.
 */
@Entity('notification')
export class Notification {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The agency event (or reminder) this tells of; unique with the recipient, so a replay writes nothing. */
  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

  /** The party's inbox by verified identity: `applicant:<applicantId>` or `employer:<uscc>` (recipients.ts). */
  @Column({ type: 'text' })
  recipient!: string;

  @Column({ name: 'recipient_role', type: 'text' })
  recipientRole!: RecipientRole;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ type: 'text' })
  kind!: NoticeKind;

  @Column({ name: 'title_zh', type: 'text' })
  titleZh!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;

  @Column({ name: 'body_zh', type: 'text' })
  bodyZh!: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn!: string;

  /** The title as the catalogue's message (notification.*); null on rows from before it. */
  @Column({ name: 'title_message', type: 'jsonb', nullable: true })
  titleMessage!: StoredMessage | null;

  @Column({ name: 'body_message', type: 'jsonb', nullable: true })
  bodyMessage!: StoredMessage | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
