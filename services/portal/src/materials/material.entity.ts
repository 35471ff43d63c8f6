import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentType } from './document-type';

/** One uploaded document, by the sha256 of its bytes; written once, by its first upload. */
@Entity('material')
export class Material {
  @PrimaryColumn({ type: 'text' })
  sha256!: string;

  /** The name the first upload gave it. */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ type: 'integer' })
  size!: number;

  /** Told by the bytes, never by the sender. */
  @Column({ name: 'content_type', type: 'text' })
  contentType!: DocumentType;

  @Column({ name: 'uploaded_by_subject', type: 'text' })
  uploadedBySubject!: string;

  @Column({ name: 'uploaded_by_role', type: 'text' })
  uploadedByRole!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
