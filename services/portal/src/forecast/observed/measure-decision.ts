import { type Catalogue, clockWorkingDays } from '@work-permit/catalogue';
import { chinaDateOf } from '@work-permit/platform';
import { latest, WorkdayCalendarError } from '@work-permit/workdays';
import type { CaseTimelineEntry } from '../../cases/case-timeline-entry.entity';
import { entriesOf, supplementPeriods } from '../case-progress';

/** What the portal knows of a case when one of its items is decided. */
export interface DecidedCase {
  /** The case's catalogue version. */
  catalogue: Catalogue;
  submittedAt: Date;
  /** The codes of the case's items. */
  items: readonly string[];
  timeline: readonly Pick<CaseTimelineEntry, 'at' | 'type' | 'item'>[];
}

/** One observed decision: the day it fell on (China's) and the working days the item's clock ran to it. */
export interface Measured {
  decidedOn: string;
  workingDays: number;
}

/** Why a decision gives no observation. */
export type NotMeasured = 'joint_review' | 'prerequisite_decision_unseen' | 'decided_before_start' | 'outside_calendar';

/**
 * How long the item `code`, decided at `decidedAt`, took — in the forecast's own units, so the median
 * of these is what `forecastCompletion` counts forward with:
 * - from its clock's start: the day of submission, or for an item waiting for another item of the case
 *   the day the last of those was decided (as the agencies start the clock; steps never move it);
 * - to the decision day, in working days (libs/catalogue `clockWorkingDays`), the days a supplement
 *   request held the clock left out (a request still open at the decision held it to the end).
 * Not measured: an item that went to joint review (no ordinary decision: the forecast does not use
 * these for it either), and one whose prerequisite's decision this portal has not seen yet (the
 * agencies' topics are not ordered with each other; the start is unknown, so nothing is guessed), nor
 * one before the years the holiday calendar covers (a measurement must never fail the decision's event).
 */
export function measureDecision(decided: DecidedCase, code: string, decidedAt: Date): Measured | NotMeasured {
  const entries = entriesOf(code, decided.timeline).filter((entry) => entry.at.getTime() <= decidedAt.getTime());
  if (entries.some((entry) => entry.type === 'joint_review_opened')) return 'joint_review';
  const definition = decided.catalogue.items.find((item) => item.code === code);
  const waitsFor = (definition?.prerequisites ?? []).filter((prerequisite) => decided.items.includes(prerequisite));
  const started: string[] = [chinaDateOf(decided.submittedAt)];
  for (const prerequisite of waitsFor) {
    const decision = entriesOf(prerequisite, decided.timeline).find((entry) => entry.type === 'decided');
    if (!decision) return 'prerequisite_decision_unseen';
    started.push(chinaDateOf(decision.at));
  }
  const start = latest(...started);
  const decidedOn = chinaDateOf(decidedAt);
  if (decidedOn < start) return 'decided_before_start';
  const { answered, open } = supplementPeriods(entries);
  const pauses = [...answered, ...(open ? [open] : [])].map((period) => ({ from: period.requestedOn, to: period.suppliedOn ?? null }));
  try {
    return { decidedOn, workingDays: clockWorkingDays(start, decidedOn, pauses) };
  } catch (error) {
    if (error instanceof WorkdayCalendarError) return 'outside_calendar';
    throw error;
  }
}
