import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who has uploaded a document: one row per (document, subject), so that everyone who sent the same
 * bytes may read them back, under the name they gave it.
 */
@Entity('material_upload')
export class MaterialUpload {
  @PrimaryColumn({ type: 'text' })
  sha256!: string;

  @PrimaryColumn({ name: 'uploaded_by_subject', type: 'text' })
  uploadedBySubject!: string;

  @Column({ name: 'uploaded_by_role', type: 'text' })
  uploadedByRole!: string;

  /** The name this subject's first upload gave it. */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
