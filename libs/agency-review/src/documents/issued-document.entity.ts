import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Bilingual, DocumentKind } from '@work-permit/documents';

/** A document the agency issued, kept in its own database as it was published. */
@Entity('issued_document')
export class IssuedDocumentRow {
  @PrimaryColumn({ name: 'document_no', type: 'text' })
  documentNo!: string;

  @Column({ name: 'request_id', type: 'bigint' })
  requestId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'jsonb' })
  title!: Bilingual;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'bytea' })
  pdf!: Buffer;

  @Column({ name: 'holder_masked', type: 'text' })
  holderMasked!: string;

  @Column({ name: 'data_keys', type: 'jsonb' })
  dataKeys!: string[];

  @Column({ name: 'permit_no', type: 'text', nullable: true })
  permitNo!: string | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;
}
