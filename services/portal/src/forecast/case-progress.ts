import type { ForecastItemStatus, ItemProgress, SupplementPeriod } from '@work-permit/catalogue';
import { chinaDateOf } from '@work-permit/platform';
import type { CaseItem } from '../cases/case-item.entity';
import type { CaseTimelineEntry } from '../cases/case-timeline-entry.entity';

/**
 * What the forecast needs of each item, from the portal's own read model: the status, the day of the
 * decision (its `decided` timeline entry, the agency's time of the event) and the supplement periods —
 * each `supplement_requested` closed by the next `supplemented` of the same item (the day the applicant
 * or a clerk answered), open while the item still awaits the documents. Days are China's.
 */
export function caseProgress(items: readonly Pick<CaseItem, 'code' | 'status'>[], timeline: readonly Pick<CaseTimelineEntry, 'at' | 'type' | 'item'>[]): Record<string, ItemProgress> {
  const progress: Record<string, ItemProgress> = {};
  for (const item of items) {
    const entries = timeline.filter((entry) => entry.item === item.code).sort((a, b) => a.at.getTime() - b.at.getTime());
    const decided = entries.find((entry) => entry.type === 'decided');
    const supplements: SupplementPeriod[] = [];
    let open: SupplementPeriod | undefined;
    for (const entry of entries) {
      if (entry.type === 'supplement_requested' && !open) {
        open = { requestedOn: chinaDateOf(entry.at) };
      } else if (entry.type === 'supplemented' && open) {
        supplements.push({ ...open, suppliedOn: chinaDateOf(entry.at) });
        open = undefined;
      }
    }
    // A request no answer closed counts only while the item still waits for it (an officer may have decided meanwhile).
    if (open && item.status === 'awaiting_supplement') supplements.push(open);
    progress[item.code] = {
      status: item.status as ForecastItemStatus,
      ...(decided && { decidedOn: chinaDateOf(decided.at) }),
      ...(supplements.length > 0 && { supplements }),
    };
  }
  return progress;
}
