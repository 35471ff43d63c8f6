import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { CaseDraft } from './case-draft.entity';
import type { DraftOwner } from './draft-owner';

/** The drafts table, always read and written through the owner: nobody reaches another's draft by its id. */
@Injectable()
export class DraftsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get drafts() {
    return this.dataSource.getRepository(CaseDraft);
  }

  insert(draft: CaseDraft): Promise<CaseDraft> {
    return this.drafts.save(this.drafts.create(draft));
  }

  countLive(owner: DraftOwner, since: Date): Promise<number> {
    return this.drafts.countBy({ ownerKind: owner.kind, ownerKey: owner.key, updatedAt: MoreThan(since) });
  }

  /** The owner's drafts touched after `since`, newest first. */
  listLive(owner: DraftOwner, since: Date, limit: number): Promise<CaseDraft[]> {
    return this.drafts.find({ where: { ownerKind: owner.kind, ownerKey: owner.key, updatedAt: MoreThan(since) }, order: { updatedAt: 'DESC', draftId: 'ASC' }, take: limit });
  }

  findLive(owner: DraftOwner, draftId: string, since: Date): Promise<CaseDraft | null> {
    return this.drafts.findOneBy({ draftId, ownerKind: owner.kind, ownerKey: owner.key, updatedAt: MoreThan(since) });
  }

  /** Replaces the content if the stored version is still `version` (one statement: no lost update); the new row, or undefined. */
  async replace(owner: DraftOwner, draftId: string, version: number, content: Record<string, unknown>, now: Date, since: Date): Promise<CaseDraft | undefined> {
    const [rows] = (await this.dataSource.query(
      `UPDATE case_draft SET content = $1::jsonb, version = version + 1, updated_at = $2
        WHERE draft_id = $3 AND owner_kind = $4 AND owner_key = $5 AND version = $6 AND updated_at > $7
        RETURNING *`,
      [JSON.stringify(content), now, draftId, owner.kind, owner.key, version, since],
    )) as [Record<string, unknown>[], number];
    const [row] = rows;
    return row ? fromRow(row) : undefined;
  }

  async remove(owner: DraftOwner, draftId: string, since: Date): Promise<boolean> {
    const result = await this.drafts
      .createQueryBuilder()
      .delete()
      .from(CaseDraft)
      .where('draft_id = :draftId AND owner_kind = :kind AND owner_key = :key AND updated_at > :since', { draftId, kind: owner.kind, key: owner.key, since })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Deletes up to `batch` drafts untouched since `before`; how many. */
  async deleteExpired(before: Date, batch: number): Promise<number> {
    const result = await this.dataSource.query(
      'DELETE FROM case_draft WHERE draft_id IN (SELECT draft_id FROM case_draft WHERE updated_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)',
      [before, batch],
    );
    // pg answers [rows, affected] for a DELETE through TypeORM's query().
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}

function fromRow(row: Record<string, unknown>): CaseDraft {
  return Object.assign(new CaseDraft(), {
    draftId: row.draft_id as string,
    ownerKind: row.owner_kind as CaseDraft['ownerKind'],
    ownerKey: row.owner_key as string,
    createdBySubject: row.created_by_subject as string,
    content: row.content as Record<string, unknown>,
    version: Number(row.version),
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  });
}
