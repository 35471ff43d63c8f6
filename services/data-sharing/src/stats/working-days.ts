import { chinaDateOf } from '@work-permit/platform';
import { type IsoDate, isBeyondCalendar, type Pause, workingDaysLeft, workingDaysUsed } from '@work-permit/workdays';
import type { ItemFacts, ItemTransition } from './stats-model';

/**
 * Durations in working days as the law counts a time limit, worked out when the statistics are read
 * from the times the fold kept (each event's `occurredAt`): the fold stays as it was, and a rebuild
 * from the topics, keeping the same times, gives the same figures. Days are civil dates in China, on
 * the State Council calendar (`libs/workdays`); a year whose notice is not in the calendar yet is
 * reckoned Monday–Friday and the figure marked provisional.
 */

/** A working-day count, and whether it reached into a year the holiday calendar does not cover yet. */
export interface WorkingDayCount {
  days: number;
  provisional: boolean;
}

/** A supplement request sent or answered, on its day in China: what the pauses are cut from. */
export interface SupplementMove {
  state: 'awaiting_supplement' | 'supplemented';
  day: IsoDate;
}

/**
 * The supplement pauses of one item of one case, from its transitions: from the day a request went
 * out (`awaiting_supplement`) to the day the applicant answered (`supplemented`); a request still
 * unanswered holds the clock to the end. Repeated notices of the same request continue it. Sorted by
 * time (a request before an answer at the same instant), so the arrival order of events never matters.
 */
export function supplementPausesOf(transitions: readonly Pick<ItemTransition, 'state' | 'at'>[]): Pause[] {
  const RANK: Partial<Record<ItemTransition['state'], number>> = { awaiting_supplement: 0, supplemented: 1 };
  const moves = transitions
    .filter((t) => t.state in RANK)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (RANK[a.state] as number) - (RANK[b.state] as number));
  return pausesOfMoves(moves.map((move) => ({ state: move.state as SupplementMove['state'], day: chinaDateOf(move.at) })));
}

/** The pauses of an item's supplement moves, given in the order `supplementPausesOf` sorts them. */
export function pausesOfMoves(moves: readonly SupplementMove[]): Pause[] {
  const pauses: Pause[] = [];
  let open: IsoDate | undefined;
  for (const move of moves) {
    if (move.state === 'awaiting_supplement' && open === undefined) open = move.day;
    if (move.state === 'supplemented' && open !== undefined) {
      pauses.push({ from: open, to: move.day });
      open = undefined;
    }
  }
  if (open !== undefined) pauses.push({ from: open });
  return pauses;
}

/**
 * Working days from the case's submission to the item's decision (granted or rejected), as the law
 * counts them (`workingDaysUsed`): from the day after the day of submission up to and including the
 * day of the decision, in China, supplement pauses not counted. Undefined for an item not decided or
 * whose submission was not seen.
 */
export function decisionWorkingDaysOf(item: Pick<ItemFacts, 'outcome' | 'submittedAt' | 'outcomeAt'>, transitions: readonly Pick<ItemTransition, 'state' | 'at'>[]): WorkingDayCount | undefined {
  if ((item.outcome !== 'granted' && item.outcome !== 'rejected') || !item.submittedAt || !item.outcomeAt) return undefined;
  return workingDaysToDecision(chinaDateOf(item.submittedAt), chinaDateOf(item.outcomeAt), supplementPausesOf(transitions));
}

/** `decisionWorkingDaysOf` from the days (in China) of submission and decision and the supplement pauses between. */
export function workingDaysToDecision(submitted: IsoDate, decided: IsoDate, pauses: readonly Pause[]): WorkingDayCount {
  return { days: workingDaysUsed(submitted, decided, pauses, { beyondCalendar: 'weekdays' }), provisional: isBeyondCalendar(decided) };
}

/**
 * How many working days an item is past its due date on `today` (China): the working days after the
 * due date up to and including today (0 on the days off right after it). Undefined without a due date.
 */
export function workingDaysOverdueOf(dueDate: IsoDate | null, today: IsoDate): WorkingDayCount | undefined {
  if (dueDate === null) return undefined;
  return { days: Math.max(0, -workingDaysLeft(today, dueDate, { beyondCalendar: 'weekdays' })), provisional: isBeyondCalendar(today) };
}
