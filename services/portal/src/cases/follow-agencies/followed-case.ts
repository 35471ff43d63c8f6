import type { EntityManager } from 'typeorm';
import type { CaseFile } from '../case-file.entity';
import type { CaseItem, ItemStatus } from '../case-item.entity';
import type { CaseTimelineEntry, TimelineEntryType } from '../case-timeline-entry.entity';
import type { ItemChange } from './agency-progress';

/** What applying an agency's event needs of the case file: its parties (for notices) and its catalogue and submission (for the forecast). */
export type FollowedFile = Pick<CaseFile, 'caseId' | 'status' | 'catalogueVersion' | 'submittedAt' | 'applicantId' | 'employerUscc' | 'body'>;

export type FollowedItem = Pick<CaseItem, 'caseId' | 'code' | 'action' | 'agency' | 'status' | 'dueDate' | 'reason' | 'reasonMessage' | 'result' | 'requestedMaterials'>;

export type TimelineEntry = Pick<CaseTimelineEntry, 'at' | 'type' | 'item'>;

/** One item of a case, locked for the event that changes it, with what the event needs of its case. */
export interface FollowedCase {
  item: FollowedItem;
  file: FollowedFile;
  /** Every item of the case, the locked one as it is now. */
  items: Pick<CaseItem, 'code' | 'status'>[];
  /** The case's timeline, oldest first (`at`, then order of writing); only when asked for. */
  timeline?: TimelineEntry[];
}

interface Row {
  case_id: string;
  code: string;
  action: string;
  agency: string;
  status: ItemStatus;
  due_date: string | null;
  reason: string | null;
  reason_message: FollowedItem['reasonMessage'];
  result: FollowedItem['result'];
  requested_materials: string[];
  case_status: FollowedFile['status'];
  catalogue_version: string;
  submitted_at: Date;
  applicant_id: string;
  employer_uscc: string | null;
  body: Record<string, unknown>;
  items: { code: string; status: ItemStatus }[];
  timeline: { at: string; type: TimelineEntryType; item: string | null }[] | null;
}

/**
 * Reads in one statement the item `code` of case `caseId`, locked until the transaction ends (so its
 * status decides the change), its case file and the statuses of all its items — and, with `timeline`,
 * the case's timeline. Of the form only the applicant's part is read (a notice's email address).
 * Undefined when the portal holds no such item.
 */
export async function readFollowedCase(manager: EntityManager, caseId: string, code: string, { timeline = false } = {}): Promise<FollowedCase | undefined> {
  const rows = (await manager.query(
    `SELECT i.case_id, i.code, i.action, i.agency, i.status, i.due_date::text AS due_date, i.reason, i.reason_message, i.result, i.requested_materials,
            f.status AS case_status, f.catalogue_version, f.submitted_at, f.applicant_id, f.employer_uscc,
            jsonb_build_object('applicant', f.body -> 'applicant') AS body,
            (SELECT json_agg(json_build_object('code', o.code, 'status', o.status)) FROM case_item o WHERE o.case_id = $1) AS items,
            CASE WHEN $3::boolean THEN (SELECT json_agg(json_build_object('at', t.at, 'type', t.type, 'item', t.item) ORDER BY t.at, t.id) FROM case_timeline_entry t WHERE t.case_id = $1) END AS timeline
       FROM case_item i JOIN case_file f ON f.case_id = i.case_id
      WHERE i.case_id = $1::uuid AND i.code = $2::text
        FOR UPDATE OF i`,
    [caseId, code, timeline],
  )) as Row[];
  const row = rows[0];
  if (!row) return undefined;
  const item: FollowedItem = {
    caseId: row.case_id,
    code: row.code,
    action: row.action,
    agency: row.agency,
    status: row.status,
    dueDate: row.due_date,
    reason: row.reason,
    reasonMessage: row.reason_message,
    result: row.result,
    requestedMaterials: row.requested_materials,
  };
  const file: FollowedFile = {
    caseId: row.case_id,
    status: row.case_status,
    catalogueVersion: row.catalogue_version,
    submittedAt: row.submitted_at,
    applicantId: row.applicant_id,
    employerUscc: row.employer_uscc,
    body: row.body,
  };
  // Having waited for the item's lock, the locked row is the item as it is now; the other columns are as the statement began.
  const items = row.items.map((other) => (other.code === code ? { code, status: item.status } : other));
  const followed: FollowedCase = { item, file, items };
  if (timeline) followed.timeline = (row.timeline ?? []).map((entry) => ({ at: new Date(entry.at), type: entry.type, item: entry.item }));
  return followed;
}

/**
 * Writes what an agency's event changed, in one statement: the item's columns that change, its
 * timeline entries (in order), and — when the item became final and every other item of the case is
 * final — the case completed. Nothing is sent when nothing changes.
 */
export async function writeItemChange(manager: EntityManager, followed: FollowedCase, change: ItemChange, at: Date, agency: string, finalStatuses: readonly ItemStatus[]): Promise<void> {
  const { item } = followed;
  const params: unknown[] = [item.caseId, item.code];
  const param = (value: unknown) => `$${params.push(value)}`;
  const parts: string[] = [];
  const sets = changedColumns(item, change).map(([column, value, cast]) => `${column} = ${param(value)}${cast}`);
  if (sets.length > 0) parts.push(`changed AS (UPDATE case_item SET ${sets.join(', ')}, updated_at = CURRENT_TIMESTAMP WHERE case_id = $1 AND code = $2)`);
  if (change.timeline.length > 0) {
    parts.push(
      `timeline AS (INSERT INTO case_timeline_entry (case_id, at, type, agency, item)
         SELECT $1::uuid, ${param(at)}::timestamptz, entry.type, ${param(agency)}::text, $2::text FROM unnest(${param(change.timeline)}::text[]) WITH ORDINALITY AS entry (type, n) ORDER BY entry.n)`,
    );
  }
  if (change.status && finalStatuses.includes(change.status)) {
    parts.push(
      `completed AS (UPDATE case_file SET status = 'completed', updated_at = CURRENT_TIMESTAMP
         WHERE case_id = $1 AND status = 'in_progress'
           AND NOT EXISTS (SELECT 1 FROM case_item other WHERE other.case_id = $1 AND other.code <> $2 AND other.status <> ALL(${param(finalStatuses)}::text[])))`,
    );
  }
  if (parts.length === 0) return;
  await manager.query(`WITH ${parts.join(',\n')} SELECT 1`, params);
}

/** The item's columns the change sets to a value other than the one held: [column, value, cast]. */
function changedColumns(item: FollowedItem, change: ItemChange): [string, unknown, string][] {
  const columns: [string, unknown, string][] = [];
  const differs = (held: unknown, next: unknown) => JSON.stringify(held ?? null) !== JSON.stringify(next ?? null);
  if (change.status !== undefined && change.status !== item.status) columns.push(['status', change.status, '']);
  if (change.dueDate !== undefined && change.dueDate !== item.dueDate) columns.push(['due_date', change.dueDate, '::date']);
  if (change.reason !== undefined && change.reason !== item.reason) columns.push(['reason', change.reason, '']);
  if (change.reasonMessage !== undefined && differs(item.reasonMessage, change.reasonMessage)) columns.push(['reason_message', jsonOrNull(change.reasonMessage), '::jsonb']);
  if (change.result !== undefined && differs(item.result, change.result)) columns.push(['result', jsonOrNull(change.result), '::jsonb']);
  if (change.requestedMaterials !== undefined && differs(item.requestedMaterials, change.requestedMaterials)) columns.push(['requested_materials', JSON.stringify(change.requestedMaterials), '::jsonb']);
  return columns;
}

function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
