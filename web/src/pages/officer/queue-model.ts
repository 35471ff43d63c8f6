import type { ItemStatus, OfficerItemView } from '../../api/types';

/** The queue's status filter: every status of API.md, or all of them (''). */
export const QUEUE_STATUSES: readonly ItemStatus[] = ['in_review', 'awaiting_supplement', 'joint_review', 'pending', 'granted', 'rejected', 'terminated', 'withdrawn'];

export const PAGE_SIZE = 20;

/** What the queue shows, kept in the address (`?status=&overdue=1&page=`) so back and reload keep it. */
export interface QueueState {
  status: ItemStatus | '';
  overdueOnly: boolean;
  /** 0-based. */
  page: number;
}

export function queueStateOf(params: URLSearchParams): QueueState {
  const status = params.get('status') ?? '';
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    status: (QUEUE_STATUSES as readonly string[]).includes(status) ? (status as ItemStatus) : '',
    overdueOnly: params.get('overdue') === '1' || params.get('overdue') === 'true',
    page: Number.isFinite(page) && page > 0 ? page : 0,
  };
}

/** The address's search params for a state (defaults left out). */
export function queueSearchOf(state: QueueState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.overdueOnly) params.set('overdue', '1');
  if (state.page > 0) params.set('page', String(state.page));
  return params;
}

/** The `GET /api/items` parameters for a state; "overdue only" unchecked means no overdue filter. */
export function queueRequestOf(state: QueueState, pageSize = PAGE_SIZE): { status?: string; overdue?: boolean; limit: number; offset: number } {
  return { ...(state.status ? { status: state.status } : {}), ...(state.overdueOnly ? { overdue: true } : {}), limit: pageSize, offset: state.page * pageSize };
}

export interface PageSummary {
  /** 1-based positions of the first and last row shown; 0 and 0 when nothing is shown. */
  from: number;
  to: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function pageSummaryOf(offset: number, shown: number, total: number): PageSummary {
  return { from: shown === 0 ? 0 : offset + 1, to: offset + shown, total, hasPrevious: offset > 0, hasNext: offset + shown < total };
}

/** How an item's due date reads: past it, paused (waiting for the applicant), running, or none. */
export type DueState = 'overdue' | 'paused' | 'running' | 'none';

export function dueStateOf(item: Pick<OfficerItemView, 'overdue' | 'dueDate' | 'status'>): DueState {
  if (item.overdue) return 'overdue';
  if (item.dueDate) return 'running';
  return item.status === 'awaiting_supplement' ? 'paused' : 'none';
}
