import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { DataSource, In } from 'typeorm';
import type { DocumentType } from './document-type';
import { Material } from './material.entity';
import { MaterialUpload } from './material-upload.entity';

export interface UploadRecord {
  sha256: string;
  fileName: string;
  size: number;
  contentType: DocumentType;
  uploadedBy: Principal;
  uploadedAt: Date;
}

/** The `material` and `material_upload` tables, and which cases reference a document. */
@Injectable()
export class MaterialRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The document once, and its uploader once; a repeated upload keeps the first name of each. */
  async record(upload: UploadRecord): Promise<void> {
    const uploader = { uploadedBySubject: upload.uploadedBy.subject, uploadedByRole: upload.uploadedBy.role, uploadedAt: upload.uploadedAt };
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Material)
        .values({ sha256: upload.sha256, fileName: upload.fileName, size: upload.size, contentType: upload.contentType, ...uploader })
        .orIgnore()
        .execute();
      await manager.createQueryBuilder().insert().into(MaterialUpload).values({ sha256: upload.sha256, fileName: upload.fileName, ...uploader }).orIgnore().execute();
    });
  }

  find(sha256: string): Promise<Material | null> {
    return this.dataSource.getRepository(Material).findOneBy({ sha256 });
  }

  findUpload(sha256: string, subject: string): Promise<MaterialUpload | null> {
    return this.dataSource.getRepository(MaterialUpload).findOneBy({ sha256, uploadedBySubject: subject });
  }

  /** The documents among `sha256s` that have been uploaded. */
  async findMany(sha256s: readonly string[]): Promise<Material[]> {
    if (sha256s.length === 0) return [];
    return this.dataSource.getRepository(Material).findBy({ sha256: In([...new Set(sha256s)]) });
  }

  /** Whether a case of this applicant or employer references the document. */
  async referencedByCaseOf(sha256: string, owner: { role: 'applicant' | 'employer'; subject: string }): Promise<boolean> {
    const column = owner.role === 'applicant' ? 'applicant_subject' : 'employer_subject';
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM case_file WHERE ${column} = $1 AND body -> 'materials' @> $2::jsonb LIMIT 1`, [owner.subject, referencing(sha256)]);
    return rows.length > 0;
  }

  /** Whether a case with one of these items references the document. */
  async referencedByCaseWithItems(sha256: string, itemCodes: readonly string[]): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM case_file f WHERE f.body -> 'materials' @> $1::jsonb AND EXISTS (SELECT 1 FROM case_item i WHERE i.case_id = f.case_id AND i.code = ANY($2)) LIMIT 1`,
      [referencing(sha256), itemCodes],
    );
    return rows.length > 0;
  }
}

function referencing(sha256: string): string {
  return JSON.stringify([{ sha256 }]);
}
