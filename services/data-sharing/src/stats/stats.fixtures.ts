// Builders for the statistics' unit specs: one case or item with every fact at its empty value.
import type { CaseFacts, ItemFacts } from './stats-model';

/** `hours` after 2026-03-02 00:00 UTC (08:00 in China; 16:00 UTC is midnight there). */
export const at = (hours: number) => new Date(Date.UTC(2026, 2, 2) + hours * 3_600_000);

export const aCase = (caseId: string, facts: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId,
  channel: 'online',
  submittedAt: at(0),
  withdrawnAt: null,
  status: 'in_progress',
  jointReviewOpenedAt: null,
  jointReviewConcludedAt: null,
  ...facts,
});

export const anItem = (caseId: string, facts: Partial<ItemFacts> = {}): ItemFacts => ({
  caseId,
  item: 'WORK_PERMIT',
  agency: 'approval',
  chosen: true,
  submittedAt: at(0),
  reviewStartedAt: null,
  outcome: null,
  outcomeAt: null,
  reason: null,
  supplementRequestedAt: null,
  overdueAt: null,
  overdueDueDate: null,
  ...facts,
});
