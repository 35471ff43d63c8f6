import type { CatalogueView } from '../../api/platform-api';
import type { Agency, ItemStatus, OfficerItemView } from '../../api/types';
import { catalogueEntries } from '../../format/catalogue-names';

/** The queue's status filter: every status of API.md, or all of them (''). */
export const QUEUE_STATUSES: readonly ItemStatus[] = ['in_review', 'awaiting_supplement', 'joint_review', 'pending', 'granted', 'rejected', 'terminated', 'withdrawn'];

/**
 * How the agencies' `GET /api/items` orders the queue: `priority` (escalated, then overdue, then soonest
 * due), by due date (the same as by working days left), item, status (the workflow's order) or day of
 * submission. The server sorts, so the order holds across pages.
 */
export const QUEUE_SORTS = ['priority', 'due', 'item', 'status', 'submitted'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export const PAGE_SIZE = 20;
/** The API's limit on `q`. */
export const SEARCH_MAX_LENGTH = 100;

/** What the queue shows, kept in the address (`?status=&item=&overdue=1&q=&sort=&order=&page=`) so back and reload keep it. */
export interface QueueState {
  status: ItemStatus | '';
  /** An item code, or '' for every item of the agency. */
  item: string;
  overdueOnly: boolean;
  /** Part of a case id or of the applicant's name (where the agency may see names); '' for none. */
  search: string;
  sort: QueueSort;
  order: SortOrder;
  /** 0-based. */
  page: number;
}

export const DEFAULT_QUEUE_STATE: QueueState = { status: '', item: '', overdueOnly: false, search: '', sort: 'priority', order: 'asc', page: 0 };

const ITEM_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

export function queueStateOf(params: URLSearchParams): QueueState {
  const status = params.get('status') ?? '';
  const item = params.get('item') ?? '';
  const sort = params.get('sort') ?? '';
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const isSort = (QUEUE_SORTS as readonly string[]).includes(sort) && sort !== 'priority';
  return {
    status: (QUEUE_STATUSES as readonly string[]).includes(status) ? (status as ItemStatus) : '',
    item: ITEM_CODE.test(item) ? item : '',
    overdueOnly: params.get('overdue') === '1' || params.get('overdue') === 'true',
    search: (params.get('q') ?? '').trim().slice(0, SEARCH_MAX_LENGTH),
    sort: isSort ? (sort as QueueSort) : 'priority',
    // The priority order has one direction only.
    order: isSort && params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page > 0 ? page : 0,
  };
}

/** The address's search params for a state (defaults left out). */
export function queueSearchOf(state: QueueState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.item) params.set('item', state.item);
  if (state.overdueOnly) params.set('overdue', '1');
  if (state.search.trim()) params.set('q', state.search.trim());
  if (state.sort !== 'priority') {
    params.set('sort', state.sort);
    if (state.order === 'desc') params.set('order', 'desc');
  }
  if (state.page > 0) params.set('page', String(state.page));
  return params;
}

export interface QueueRequest {
  status?: string;
  item?: string;
  overdue?: boolean;
  q?: string;
  sort?: QueueSort;
  order?: SortOrder;
  limit: number;
  offset: number;
}

/** The `GET /api/items` parameters for a state; what is left at its default is left out ("overdue only" unchecked: no overdue filter). */
export function queueRequestOf(state: QueueState, pageSize = PAGE_SIZE): QueueRequest {
  const search = state.search.trim();
  return {
    ...(state.status ? { status: state.status } : {}),
    ...(state.item ? { item: state.item } : {}),
    ...(state.overdueOnly ? { overdue: true } : {}),
    ...(search ? { q: search } : {}),
    ...(state.sort !== 'priority' ? { sort: state.sort, ...(state.order === 'desc' ? { order: 'desc' as const } : {}) } : {}),
    limit: pageSize,
    offset: state.page * pageSize,
  };
}

/**
 * A click on a sortable column's heading: the same column again turns the order round, another column
 * sorts by it from the top (ascending: soonest due, oldest submission, first status); back to page 1.
 */
export function sortByColumn(state: QueueState, column: Exclude<QueueSort, 'priority'>): QueueState {
  const order: SortOrder = state.sort === column && state.order === 'asc' ? 'desc' : 'asc';
  return { ...state, sort: column, order, page: 0 };
}

/** The heading's `aria-sort` for a column. */
export function ariaSortOf(state: QueueState, column: QueueSort): 'ascending' | 'descending' | 'none' {
  if (state.sort !== column) return 'none';
  return state.order === 'desc' ? 'descending' : 'ascending';
}

/** The items and steps the agency reviews, for the item filter, in the catalogue's order (by name once named). */
export function agencyItemCodesOf(catalogue: CatalogueView | undefined, agency: Agency | undefined): string[] {
  return catalogueEntries(catalogue)
    .filter((entry) => entry.agency?.code === agency)
    .map((entry) => entry.code);
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

/**
 * The time left as the queue says it, from the service's count (working days as the law counts them,
 * on the State Council calendar): `left` with the working days (and the calendar days when the limit
 * counts those); `dueToday`; `overdue` by so many working days (`workingDays` null when no working day
 * has passed yet, e.g. over a holiday, or the service gave no count); `paused` while waiting for the
 * applicant; `none` (decided, or its clock has not started).
 */
export type TimeLeft =
  | { kind: 'left'; workingDays: number; calendarDays: number | null }
  | { kind: 'dueToday' }
  | { kind: 'overdue'; workingDays: number | null }
  | { kind: 'paused' }
  | { kind: 'none' };

export function timeLeftOf(item: Pick<OfficerItemView, 'overdue' | 'dueDate' | 'status' | 'workingDaysLeft' | 'calendarDaysLeft' | 'timeLimit'>): TimeLeft {
  const working = typeof item.workingDaysLeft === 'number' ? item.workingDaysLeft : null;
  const calendar = typeof item.calendarDaysLeft === 'number' ? item.calendarDaysLeft : null;
  if (item.overdue || (working !== null && working < 0) || (calendar !== null && calendar < 0)) {
    return { kind: 'overdue', workingDays: working !== null && working < 0 ? -working : null };
  }
  if (working === null) return dueStateOf(item) === 'paused' ? { kind: 'paused' } : { kind: 'none' };
  if (working === 0 && calendar === 0) return { kind: 'dueToday' };
  return { kind: 'left', workingDays: working, calendarDays: item.timeLimit?.unit === 'calendar_days' ? calendar : null };
}

/** How urgent a row looks (a class, never the only sign: the words say it too). */
export function urgencyOf(left: TimeLeft): 'overdue' | 'soon' | undefined {
  if (left.kind === 'overdue') return 'overdue';
  if (left.kind === 'dueToday' || (left.kind === 'left' && left.workingDays <= 2)) return 'soon';
  return undefined;
}

/** Who the row is about: the name as the agency's scope releases it, or why there is none. */
export type ApplicantLabel = { kind: 'name'; name: string } | { kind: 'outOfScope' } | { kind: 'unknown' };

export function applicantLabelOf(item: Pick<OfficerItemView, 'applicantName'>, namesInScope: boolean | undefined): ApplicantLabel {
  if (typeof item.applicantName === 'string' && item.applicantName.trim() !== '') return { kind: 'name', name: item.applicantName.trim() };
  return namesInScope === false ? { kind: 'outOfScope' } : { kind: 'unknown' };
}
