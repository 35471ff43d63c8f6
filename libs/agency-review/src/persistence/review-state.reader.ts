import type { EntityManager } from 'typeorm';
import { message } from '@work-permit/catalogue';
import type { CaseFacts, ItemResultView, OutcomeStatus, PrerequisiteOutcome } from '../policy/item-policy';
import type { CaseHold, CaseReviewState, ReviewItem } from '../review/review-model';
import { ITEM_COLUMNS, ITEM_PROPERTIES, type ItemColumns, itemOfRow } from './review-item.mapping';
import { messageOf, type StoredMessage } from './stored-message';

/** The overdue timer's marks on an item. */
export interface ItemMarks {
  overdueAnnounced: boolean;
  escalated: boolean;
}

/** What this agency holds of one case. */
export interface HeldCase {
  /** The case and its items (ordered by code); undefined until the case arrives — its hold and outcomes may come first. */
  state: CaseReviewState | undefined;
  correlationId: string | undefined;
  /** One per item of `state`, in its order. */
  marks: ItemMarks[];
  hold: CaseHold | undefined;
  /** The final outcomes known for the case's items (any agency's), by item code. */
  known: Map<string, PrerequisiteOutcome>;
}

interface StoredItem extends ItemMarks {
  columns: Omit<ItemColumns, 'caseId' | 'decidedAt'> & { decidedAt: string | null };
}

interface StoredCase {
  correlation_id: string | null;
  facts: CaseFacts | null;
  items: StoredItem[] | null;
  hold: { status: CaseHold['status']; reason: StoredMessage } | null;
  outcomes: { code: string; status: OutcomeStatus; reason: StoredMessage | null; result: ItemResultView; decidedOn: string | null }[] | null;
}

const ITEM_JSON = `json_build_object(
  'columns', json_build_object(${ITEM_PROPERTIES.filter((property) => property !== 'caseId')
    .map((property) => `'${property}', i.${ITEM_COLUMNS[property]}`)
    .join(', ')}),
  'overdueAnnounced', i.overdue_announced_at IS NOT NULL,
  'escalated', i.escalated_at IS NOT NULL)`;

// The case, its items, its hold and the outcomes known for it, in one round trip (each may be missing).
const READ_HELD_CASE = `
  SELECT c.correlation_id, c.facts,
    (SELECT json_agg(${ITEM_JSON} ORDER BY i.code) FROM review_item i WHERE i.case_id = $1) AS items,
    (SELECT json_build_object('status', h.status, 'reason', h.reason) FROM case_hold h WHERE h.case_id = $1) AS hold,
    (SELECT json_agg(json_build_object('code', o.code, 'status', o.status, 'reason', o.reason, 'result', o.result, 'decidedOn', o.decided_on) ORDER BY o.code)
       FROM prerequisite_outcome o WHERE o.case_id = $1) AS outcomes
  FROM (VALUES ($1::uuid)) AS wanted (case_id) LEFT JOIN review_case c ON c.case_id = wanted.case_id`;

/** A case as this agency holds it, read in one statement (the hot path's: once per event applied). */
export async function readHeldCase(manager: EntityManager, caseId: string): Promise<HeldCase> {
  const [stored] = (await manager.query(READ_HELD_CASE, [caseId])) as StoredCase[];
  const hold = stored.hold ? holdOf(stored.hold) : undefined;
  const known = new Map(
    (stored.outcomes ?? []).map((row) => [
      row.code,
      { code: row.code, status: row.status, reason: messageOf(row.reason) ?? undefined, result: row.result, ...(row.decidedOn && { decidedOn: row.decidedOn }) },
    ]),
  );
  if (!stored.facts) return { state: undefined, correlationId: undefined, marks: [], hold, known };
  const items = stored.items ?? [];
  return {
    state: { facts: stored.facts, items: items.map(({ columns }) => itemOfStored(columns)), ...(hold && { hold }) },
    correlationId: stored.correlation_id ?? undefined,
    marks: items.map(({ overdueAnnounced, escalated }) => ({ overdueAnnounced, escalated })),
    hold,
    known,
  };
}

// JSON carries the decision's instant as text; the workflow compares and publishes it as a Date.
function itemOfStored({ decidedAt, ...columns }: StoredItem['columns']): ReviewItem {
  return itemOfRow({ ...columns, decidedAt: decidedAt === null ? null : new Date(decidedAt) });
}

/** A case's joint-review state as the workflow reads it. */
export function holdOf(row: { status: CaseHold['status']; reason: StoredMessage }): CaseHold {
  return { status: row.status, reason: messageOf(row.reason) ?? message('review.on_abnormal_list') };
}
