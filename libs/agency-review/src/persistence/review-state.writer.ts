import type { EntityManager } from 'typeorm';
import type { PrerequisiteOutcome } from '../policy/item-policy';
import type { ReviewItem } from '../review/review-model';
import { ITEM_COLUMNS, ITEM_PROPERTIES, type ItemColumns, rowOfItem } from './review-item.mapping';

// Rows travel as one JSON array whatever their number: PostgreSQL types each field by its column.

/** An item as a review_item record of json_populate_recordset, keyed by column. */
function recordOf(caseId: string, item: ReviewItem): Record<string, unknown> {
  const row = rowOfItem(caseId, item);
  return Object.fromEntries(ITEM_PROPERTIES.map((property) => [ITEM_COLUMNS[property], row[property]]));
}

/** Inserts the case's new items, in one statement. */
export async function insertItems(manager: EntityManager, caseId: string, items: readonly ReviewItem[]): Promise<void> {
  if (items.length === 0) return;
  const columns = ITEM_PROPERTIES.map((property) => ITEM_COLUMNS[property]).join(', ');
  await manager.query(`INSERT INTO review_item (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::review_item, $1)`, [
    JSON.stringify(items.map((item) => recordOf(caseId, item))),
  ]);
}

/** Writes the items that differ from what was stored, in one statement: only the columns that changed in any of them. */
export async function updateItems(manager: EntityManager, caseId: string, changes: readonly { stored: ReviewItem; item: ReviewItem }[]): Promise<void> {
  const changed = new Set<keyof ItemColumns>();
  const items: ReviewItem[] = [];
  for (const { stored, item } of changes) {
    const [was, row] = [rowOfItem(caseId, stored), rowOfItem(caseId, item)];
    const columns = ITEM_PROPERTIES.filter((property) => JSON.stringify(was[property]) !== JSON.stringify(row[property]));
    for (const property of columns) changed.add(property);
    if (columns.length > 0) items.push(item);
  }
  if (items.length === 0) return;
  const assignments = [...changed].map((property) => `${ITEM_COLUMNS[property]} = changed.${ITEM_COLUMNS[property]}`);
  await manager.query(
    `UPDATE review_item AS item SET ${assignments.join(', ')}, updated_at = now()
     FROM json_populate_recordset(NULL::review_item, $2) AS changed
     WHERE item.case_id = $1 AND item.code = changed.code`,
    [caseId, JSON.stringify(items.map((item) => recordOf(caseId, item)))],
  );
}

/** Records outcomes of the case's items in one statement; the first of an item stands (one already stored, or earlier in the list). */
export async function insertOutcomes(manager: EntityManager, caseId: string, outcomes: readonly PrerequisiteOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const records = outcomes.map((outcome) => ({ code: outcome.code, status: outcome.status, reason: outcome.reason ?? null, result: outcome.result, decided_on: outcome.decidedOn ?? null }));
  // A conflict within the list itself skips the later row too (DO NOTHING, unlike DO UPDATE, allows it).
  await manager.query(
    `INSERT INTO prerequisite_outcome (case_id, code, status, reason, result, decided_on)
     SELECT $1::uuid, code, status, reason, result, decided_on FROM json_populate_recordset(NULL::prerequisite_outcome, $2)
     ON CONFLICT (case_id, code) DO NOTHING`,
    [caseId, JSON.stringify(records)],
  );
}
