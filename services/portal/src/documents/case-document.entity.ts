import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Bilingual, DocumentKind } from '@work-permit/documents';

/** One formal document of a case, as issued: the portal's own acceptance notices and every agency's documents. */
@Entity('case_document')
export class CaseDocument {
  @PrimaryColumn({ name: 'document_no', type: 'text' })
  documentNo!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Column({ name: 'item_code', type: 'text', nullable: true })
  itemCode!: string | null;

  /** `portal` or the issuing agency's code. */
  @Column({ type: 'text' })
  issuer!: string;

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

  /** The person's data the document shows, as data-scope keys (who else may read it). */
  @Column({ name: 'data_keys', type: 'jsonb' })
  dataKeys!: string[];

  /** The case's person when the document arrived: a later e-permit of the same item for them supersedes this one. */
  @Column({ name: 'applicant_id', type: 'text', nullable: true })
  applicantId!: string | null;

  @Column({ name: 'permit_no', type: 'text', nullable: true })
  permitNo!: string | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;


  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
