import type { ReviewItem } from '../review/review-model';
import type { ReviewItemRow } from './review-item.entity';
import { messageOf } from './stored-message';

export function itemOfRow(row: ReviewItemRow): ReviewItem {
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

/** Every column the workflow owns; the overdue timer's columns are left alone. */
export function rowOfItem(caseId: string, item: ReviewItem): Omit<ReviewItemRow, 'overdueAnnouncedAt' | 'escalatedAt' | 'updatedAt'> {
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
