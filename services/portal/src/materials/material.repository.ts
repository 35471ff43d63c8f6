import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { CaseParties } from '../cases/case-parties';
import type { MaterialReference } from './download-material/material-access';
import type { DocumentType } from './document-type';
import { Material } from './material.entity';
import { MaterialUpload } from './material-upload.entity';
import { fitsQuota, type UploadUsage } from './upload-quota';

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

  /**
   * The document once, and its uploader once (a repeated upload keeps the first name of each) — unless
   * the subject's quota has no room for it: then nothing is written and `over_quota` is answered.
   */
  async record(upload: UploadRecord, quotaBytes: number): Promise<'recorded' | 'over_quota'> {
    const uploader = { uploadedBySubject: upload.uploadedBy.subject, uploadedByRole: upload.uploadedBy.role, uploadedAt: upload.uploadedAt };
    return this.dataSource.transaction(async (manager) => {
      // One subject's uploads are counted and recorded one at a time, so two at once cannot both squeeze under the quota.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`material-quota:${upload.uploadedBy.subject}`]);
      if (!fitsQuota(await this.usageOf(upload.uploadedBy.subject, upload.sha256, manager), upload.size, quotaBytes)) return 'over_quota';
      await manager
        .createQueryBuilder()
        .insert()
        .into(Material)
        .values({ sha256: upload.sha256, fileName: upload.fileName, size: upload.size, contentType: upload.contentType, ...uploader })
        .orIgnore()
        .execute();
      await manager.createQueryBuilder().insert().into(MaterialUpload).values({ sha256: upload.sha256, fileName: upload.fileName, ...uploader }).orIgnore().execute();
      return 'recorded';
    });
  }

  /** How much the subject has uploaded, and whether `sha256` is among it. */
  async usageOf(subject: string, sha256: string, manager: EntityManager = this.dataSource.manager): Promise<UploadUsage> {
    const [row] = (await manager.query(
      `SELECT coalesce(sum(m.size), 0)::bigint AS used, coalesce(bool_or(u.sha256 = $2), false) AS theirs
       FROM material_upload u JOIN material m ON m.sha256 = u.sha256 WHERE u.uploaded_by_subject = $1`,
      [subject, sha256],
    )) as { used: string; theirs: boolean }[];
    return { usedBytes: Number(row.used), alreadyTheirs: row.theirs };
  }

  find(sha256: string): Promise<Material | null> {
    return this.dataSource.getRepository(Material).findOneBy({ sha256 });
  }

  findUpload(sha256: string, subject: string): Promise<MaterialUpload | null> {
    return this.dataSource.getRepository(MaterialUpload).findOneBy({ sha256, uploadedBySubject: subject });
  }

  /** The documents among `sha256s` that have been uploaded (by anyone). */
  async findMany(sha256s: readonly string[]): Promise<Material[]> {
    if (sha256s.length === 0) return [];
    return this.dataSource.getRepository(Material).findBy({ sha256: In([...new Set(sha256s)]) });
  }

  /** The documents among `sha256s` that this subject uploaded. */
  async uploadedBy(subject: string, sha256s: readonly string[]): Promise<string[]> {
    if (sha256s.length === 0) return [];
    // One text for any number of documents, so the statement is prepared once (a list of parameters would not be).
    const rows = (await this.dataSource.query(`SELECT sha256 FROM material_upload WHERE uploaded_by_subject = $1 AND sha256 = ANY($2::text[])`, [
      subject,
      [...new Set(sha256s)],
    ])) as { sha256: string }[];
    return rows.map((row) => row.sha256);
  }

  /** Whether a case of this applicant (by applicant id) or this employer (by credit code) references the document. */
  async referencedByCaseOf(sha256: string, party: Pick<CaseParties, 'applicantId'> | { employerUscc: string }): Promise<boolean> {
    const [column, value] = 'applicantId' in party ? ['applicant_id', party.applicantId] : ['employer_uscc', party.employerUscc];
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM case_file WHERE ${column} = $1 AND body -> 'materials' @> $2::jsonb LIMIT 1`, [value, referencing(sha256)]);
    return rows.length > 0;
  }

  /** Every (catalogue version, material code, item) under which a case references the document, once each. */
  async referencesOf(sha256: string): Promise<MaterialReference[]> {
    return (await this.dataSource.query(
      `SELECT DISTINCT f.catalogue_version AS "catalogueVersion", m ->> 'code' AS "materialCode", i.code AS "itemCode"
       FROM case_file f
       CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.body -> 'materials') = 'array' THEN f.body -> 'materials' ELSE '[]'::jsonb END) m
       JOIN case_item i ON i.case_id = f.case_id
       WHERE f.body -> 'materials' @> $1::jsonb AND m ->> 'sha256' = $2`,
      [referencing(sha256), sha256],
    )) as MaterialReference[];
  }
}

function referencing(sha256: string): string {
  return JSON.stringify([{ sha256 }]);
}
