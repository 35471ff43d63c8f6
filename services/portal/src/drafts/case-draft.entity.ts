import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { DraftOwnerKind } from './draft-owner';

/**
 * An unfinished case body kept for its owner (`/api/drafts`): never a case until it is submitted with
 * `POST /api/cases`. The owner is the verified identity the token carries, as for cases.
 */
@Entity('case_draft')
export class CaseDraft {
  @PrimaryColumn({ name: 'draft_id', type: 'uuid' })
  draftId!: string;

  /** applicant (by applicant id), employer (by credit code) or clerk (by subject). */
  @Column({ name: 'owner_kind', type: 'text' })
  ownerKind!: DraftOwnerKind;

  @Column({ name: 'owner_key', type: 'text' })
  ownerKey!: string;

  /** Who created it: a record, never what access goes by. */
  @Column({ name: 'created_by_subject', type: 'text' })
  createdBySubject!: string;

  /** The case body so far, nested by path; partial. */
  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  /** 1 at creation, one more with each replacement: the If-Match of the next one. */
  @Column({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set by every write; the draft expires DRAFTS_TTL_DAYS after it. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
