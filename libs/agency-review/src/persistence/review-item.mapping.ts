import type { ReviewItem } from '../review/review-model';
import type { ReviewItemRow } from './review-item.entity';
import { messageOf } from './stored-message';

/** Every column the workflow owns; the overdue timer's columns are left alone. */
export type ItemColumns = Omit<ReviewItemRow, 'overdueAnnouncedAt' | 'escalatedAt' | 'updatedAt'>;

/**
 * The workflow's columns of review_item by property, for the hot path's plain SQL (the entity's
 * metadata, written out: `review-state.int-spec.ts` checks the entity reads back what they write).
 */
export const ITEM_COLUMNS: Readonly<Record<keyof ItemColumns, string>> = {
  caseId: 'case_id',
  code: 'code',
  action: 'action',
  status: 'status',
  timeLimit: 'time_limit',
  pauses: 'pauses',
  supplementRequested: 'supplement_requested',
  requestedMaterials: 'requested_materials',
  stillMissing: 'still_missing',
  reason: 'reason',
  assessment: 'assessment',
  result: 'result',
  decidedByKind: 'decided_by_kind',
  decidedBySubject: 'decided_by_subject',
  decidedAt: 'decided_at',
  clockStartsOn: 'clock_starts_on',
  dueDate: 'due_date',
  dueDateProvisional: 'due_date_provisional',
  statutoryLimit: 'statutory_limit',
  statutoryDueDate: 'statutory_due_date',
  extension: 'extension',
};

export const ITEM_PROPERTIES = Object.keys(ITEM_COLUMNS) as (keyof ItemColumns)[];

export function itemOfRow(row: Omit<ItemColumns, 'caseId'>): ReviewItem {
  return {
    code: row.code,
    action: row.action,
    status: row.status,
    timeLimit: row.timeLimit,
    pauses: row.pauses,
    supplementRequested: row.supplementRequested,
    requestedMaterials: row.requestedMaterials,
    stillMissing: row.stillMissing,
    reason: messageOf(row.reason),
    assessment: row.assessment,
    result: row.result,
    decidedBy: row.decidedByKind ? { kind: row.decidedByKind, ...(row.decidedBySubject ? { subject: row.decidedBySubject } : {}) } : null,
    decidedAt: row.decidedAt,
    clockStartsOn: row.clockStartsOn,
    dueDate: row.dueDate,
    dueDateProvisional: row.dueDateProvisional,
    statutoryLimit: row.statutoryLimit,
    statutoryDueDate: row.statutoryDueDate,
    extension: row.extension,
  };
}

export function rowOfItem(caseId: string, item: ReviewItem): ItemColumns {
  return {
    caseId,
    code: item.code,
    action: item.action,
    status: item.status,
    timeLimit: item.timeLimit,
    pauses: item.pauses,
    supplementRequested: item.supplementRequested,
    requestedMaterials: item.requestedMaterials,
    stillMissing: item.stillMissing,
    reason: item.reason,
    assessment: item.assessment,
    result: item.result,
    decidedByKind: item.decidedBy?.kind ?? null,
    decidedBySubject: item.decidedBy?.subject ?? null,
    decidedAt: item.decidedAt,
    clockStartsOn: item.clockStartsOn,
    dueDate: item.dueDate,
    dueDateProvisional: item.dueDateProvisional,
    statutoryLimit: item.statutoryLimit,
    statutoryDueDate: item.statutoryDueDate,
    extension: item.extension,
  };
}
