import type { EntityManager } from 'typeorm';
import type { PrerequisiteOutcome } from '../policy/item-policy';
import { message } from '@work-permit/catalogue';
import type { CaseHold, CaseReviewState } from '../review/review-model';
import { CaseHoldRow } from './case-hold.entity';
import { PrerequisiteOutcomeRow } from './prerequisite-outcome.entity';
import { ReviewCaseRow } from './review-case.entity';
import { ReviewItemRow } from './review-item.entity';
import { itemOfRow } from './review-item.mapping';
import { messageOf } from './stored-message';

/** A case as this agency holds it: the workflow's state, and the item rows it came from (for what only rows carry). */
export async function readReviewCase(manager: EntityManager, caseId: string): Promise<{ state: CaseReviewState; itemRows: ReviewItemRow[] } | undefined> {
  const row = await manager.findOneBy(ReviewCaseRow, { caseId });
  if (!row) return undefined;
  const itemRows = await manager.find(ReviewItemRow, { where: { caseId }, order: { code: 'ASC' } });
  const hold = await manager.findOneBy(CaseHoldRow, { caseId });
  return { state: { facts: row.facts, items: itemRows.map(itemOfRow), ...(hold && { hold: holdOf(hold) }) }, itemRows };
}

/** The outcomes of other items (any agency) known for the case, by item code. */
export async function readKnownOutcomes(manager: EntityManager, caseId: string): Promise<Map<string, PrerequisiteOutcome>> {
  const rows = await manager.findBy(PrerequisiteOutcomeRow, { caseId });
  return new Map(
    rows.map((row) => [row.code, { code: row.code, status: row.status, reason: messageOf(row.reason) ?? undefined, result: row.result, ...(row.decidedOn && { decidedOn: row.decidedOn }) }]),
  );
}

/** A case's joint-review state as the workflow reads it. */
export function holdOf(row: CaseHoldRow): CaseHold {
  return { status: row.status, reason: messageOf(row.reason) ?? message('review.on_abnormal_list') };
}
