import type { DataScope } from '@work-permit/catalogue';
import type { ItemView } from './item-view';

/** How the queue can be ordered; `priority` (the default) is escalated first, then overdue, then soonest due. */
export const QUEUE_SORTS = ['priority', 'due', 'item', 'status', 'submitted'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

/** One row of the agency's queue (`GET /api/items`): the item, and whose case it is as far as the agency's scope tells. */
export interface QueueItemView extends ItemView {
  /**
   * The applicant's name as the form gave it (surname, then given names), when the agency's data scope
   * releases it; null otherwise (science and technology's scope holds no names: the case id is all its
   * officers see) or when the case here carries none.
   */
  applicantName: string | null;
  /** The day the case was submitted, in China; null when the case is not here (a row without its case). */
  submittedOn: string | null;
}

/** `GET /api/items`: one page of the queue. */
export interface QueuePage {
  items: QueueItemView[];
  /** Every match of the filters, across pages. */
  total: number;
  /** Whether this agency's data scope releases applicants' names: when false, rows are known by case id only and `q` matches case ids only. */
  applicantNameInScope: boolean;
}

/** The name fields as the agency stored them (already filtered by its scope on the way in). */
export interface StoredApplicantName {
  surname?: unknown;
  givenNames?: unknown;
}

/** Whether `scope` releases a name to show: the surname or the given names. */
export function releasesApplicantName(scope: DataScope): boolean {
  return scope.releases('applicant.surname') || scope.releases('applicant.givenNames');
}

/**
 * The applicant's name for the queue: the released, non-empty parts among surname and given names,
 * surname first, as the passport has it; null when the scope releases neither or none is on file.
 * The stored copy is filtered on the way in already; the scope is applied again so the queue can
 * never show more than the scope of the case's catalogue version releases.
 */
export function applicantNameOf(applicant: StoredApplicantName | undefined, scope: DataScope): string | null {
  const part = (field: 'surname' | 'givenNames') => {
    const value = applicant?.[field];
    return scope.releases(`applicant.${field}`) && typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const parts = [part('surname'), part('givenNames')].filter((value): value is string => value !== undefined);
  return parts.length > 0 ? parts.join(' ') : null;
}
