import type { CaseStatus, ItemOutcome } from './stats-model';

/**
 * A case is withdrawn once the applicant withdrew it, or when every item it chose ended withdrawn;
 * completed when every chosen item has an outcome; in progress otherwise. Steps inside an item (talent
 * category) do not count: the applicant did not choose them.
 */
export function caseStatusOf(withdrawnAt: Date | null, items: readonly { chosen: boolean; outcome: ItemOutcome | null }[]): CaseStatus {
  if (withdrawnAt) return 'withdrawn';
  const chosen = items.filter((item) => item.chosen);
  if (chosen.length === 0 || chosen.some((item) => item.outcome === null)) return 'in_progress';
  return chosen.every((item) => item.outcome === 'withdrawn') ? 'withdrawn' : 'completed';
}
