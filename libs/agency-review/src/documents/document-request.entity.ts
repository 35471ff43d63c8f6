import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestDetails } from './agency-document-models';

export type RequestedKind = 'decision' | 'supplement_notice';

/**
 * A document one of the agency's own events calls for, written in that event's transaction (inbox):
 * the renderer (`AgencyDocumentIssuer`) issues it later, off the decision's path. `request_key` makes
 * a repeated request a no-op.
 */
@Entity('document_request')
export class DocumentRequestRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'request_key', type: 'text', unique: true })
  requestKey!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ type: 'text' })
  kind!: RequestedKind;

  @Column({ type: 'jsonb' })
  details!: RequestDetails;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column({ name: 'causation_id', type: 'text' })
  causationId!: string;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
