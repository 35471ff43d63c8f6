import { distributionOf } from './quantile';
import { type CaseFacts, isOutcome, type ItemState, type ItemTransition, type WaitingState } from './stats-model';

/** A stretch of time one item (or, for a joint review, one case) spent in one waiting state. */
export interface Wait {
  caseId: string;
  /** Null for a wait of the whole case (the joint review). */
  item: string | null;
  state: WaitingState;
  start: Date;
  /** Null while it still waits. */
  end: Date | null;
}

/** One step where cases wait, with how long the finished waits took, in seconds. */
export interface BlockingPoint {
  /** `<item> <state>`, or `case <state>` for a wait of the whole case. */
  step: string;
  item: string | null;
  state: WaitingState;
  /** Finished waits, which the quantiles describe (null when none has finished yet). */
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** Items (or cases) waiting there now. */
  waitingNow: number;
}

// Events of one instant are taken in the order an item moves, so equal timestamps give one answer.
const STATE_ORDER: readonly ItemState[] = ['submitted', 'pending', 'in_review', 'awaiting_supplement', 'supplemented', 'joint_review', 'granted', 'rejected', 'terminated', 'withdrawn'];

/**
 * Cuts each item's transitions into waits: every state lasts from the event that entered it until
 * the next event that changes it; repeats of one state (an overdue notice) continue it; the first
 * outcome ends the item. Events from different producers may arrive in any order, so they are
 * ordered by when they occurred. A `submitted` that is not first (a producer's clock ahead of the
 * portal's) is ignored.
 */
export function itemWaitsOf(transitions: readonly ItemTransition[]): Wait[] {
  const byItem = new Map<string, ItemTransition[]>();
  for (const transition of transitions) {
    const key = `${transition.caseId}/${transition.item}`;
    byItem.set(key, [...(byItem.get(key) ?? []), transition]);
  }
  const waits: Wait[] = [];
  for (const itemTransitions of byItem.values()) {
    const ordered = [...itemTransitions].sort((a, b) => a.at.getTime() - b.at.getTime() || STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state));
    const itemWaits: Wait[] = [];
    for (const [index, transition] of ordered.entries()) {
      if (transition.state === 'submitted' && index > 0) continue;
      const current = itemWaits.at(-1);
      if (current?.state === transition.state) continue;
      if (current) current.end = transition.at;
      if (isOutcome(transition.state)) break;
      itemWaits.push({ caseId: transition.caseId, item: transition.item, state: transition.state, start: transition.at, end: null });
    }
    waits.push(...itemWaits);
  }
  return waits;
}

/** The joint review of each case that had one: from its opening to its conclusion. */
export function jointReviewWaitsOf(cases: readonly CaseFacts[]): Wait[] {
  return cases
    .filter((c) => c.jointReviewOpenedAt !== null)
    .map((c) => ({ caseId: c.caseId, item: null, state: 'joint_review' as const, start: c.jointReviewOpenedAt as Date, end: c.jointReviewConcludedAt }));
}

/**
 * The steps where cases wait longest: each (item, state), by the median then the 90th percentile of
 * its finished waits, longest first. Open waits are counted but not measured, since measuring them
 * would need the wall clock and a replay would then differ from the live numbers.
 */
export function blockingPointsOf(waits: readonly Wait[]): BlockingPoint[] {
  const steps = new Map<string, { item: string | null; state: WaitingState; seconds: number[]; waitingNow: number }>();
  for (const wait of waits) {
    const step = `${wait.item ?? 'case'} ${wait.state}`;
    const entry = steps.get(step) ?? { item: wait.item, state: wait.state, seconds: [], waitingNow: 0 };
    if (wait.end) entry.seconds.push((wait.end.getTime() - wait.start.getTime()) / 1000);
    else entry.waitingNow += 1;
    steps.set(step, entry);
  }
  const points: BlockingPoint[] = [];
  for (const [step, { item, state, seconds, waitingNow }] of steps) {
    const { count, median, p90 } = distributionOf(seconds);
    points.push({ step, item, state, count, medianSeconds: median ?? null, p90Seconds: p90 ?? null, waitingNow });
  }
  return points.sort(longestWaitFirst);
}

/** By the median then the 90th percentile of the finished waits, longest first (none last), then by step. */
export function longestWaitFirst(a: BlockingPoint, b: BlockingPoint): number {
  const longest = (x: number | null, y: number | null) => (y ?? -1) - (x ?? -1);
  return longest(a.medianSeconds, b.medianSeconds) || longest(a.p90Seconds, b.p90Seconds) || a.step.localeCompare(b.step);
}
