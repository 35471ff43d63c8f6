import type { ForecastItemStatus, ItemProgress, SupplementPeriod } from '@work-permit/catalogue';
import { chinaDateOf } from '@work-permit/platform';
import type { CaseItem } from '../cases/case-item.entity';
import type { CaseTimelineEntry } from '../cases/case-timeline-entry.entity';

type Entry = Pick<CaseTimelineEntry, 'at' | 'type' | 'item'>;

/**
 * What the forecast needs of each item, from the portal's own read model: the status, the day of the
 * decision (its `decided` timeline entry, the agency's time of the event) and the supplement periods —
 * each `supplement_requested` closed by the next `supplemented` of the same item (the day the applicant
 * or a clerk answered), open while the item still awaits the documents. Days are China's.
 */
export function caseProgress(items: readonly Pick<CaseItem, 'code' | 'status'>[], timeline: readonly Entry[]): Record<string, ItemProgress> {
  const progress: Record<string, ItemProgress> = {};
  for (const item of items) {
    const entries = entriesOf(item.code, timeline);
    const decided = entries.find((entry) => entry.type === 'decided');
    const { answered, open } = supplementPeriods(entries);
    // A request no answer closed counts only while the item still waits for it (an officer may have decided meanwhile).
    const supplements = open && item.status === 'awaiting_supplement' ? [...answered, open] : answered;
    progress[item.code] = {
      status: item.status as ForecastItemStatus,
      ...(decided && { decidedOn: chinaDateOf(decided.at) }),
      ...(supplements.length > 0 && { supplements }),
    };
  }
  return progress;
}

/** One item's timeline entries, oldest first. */
export function entriesOf(code: string, timeline: readonly Entry[]): Entry[] {
  return timeline.filter((entry) => entry.item === code).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** One item's supplement requests, each paired with the answer that followed; the last one still open, if unanswered. */
export function supplementPeriods(entries: readonly Entry[]): { answered: SupplementPeriod[]; open?: SupplementPeriod } {
  const answered: SupplementPeriod[] = [];
  let open: SupplementPeriod | undefined;
  for (const entry of entries) {
    if (entry.type === 'supplement_requested' && !open) {
      open = { requestedOn: chinaDateOf(entry.at) };
    } else if (entry.type === 'supplemented' && open) {
      answered.push({ ...open, suppliedOn: chinaDateOf(entry.at) });
      open = undefined;
    }
  }
  return { answered, ...(open && { open }) };
}
