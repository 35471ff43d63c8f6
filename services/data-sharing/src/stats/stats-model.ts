import type { Message } from '@work-permit/catalogue';

/**
 * The statistics' own vocabulary, free of TypeORM and Kafka: what the fold keeps per case, per item and
 * per change of an item's state, as the report functions read it.
 */

export type CaseStatus = 'in_progress' | 'completed' | 'withdrawn';
export const CASE_STATUSES: readonly CaseStatus[] = ['in_progress', 'completed', 'withdrawn'];

export type CaseChannel = 'online' | 'offline';
export const CASE_CHANNELS: readonly CaseChannel[] = ['online', 'offline'];

/** How an item ended. */
export type ItemOutcome = 'granted' | 'rejected' | 'terminated' | 'withdrawn';

/**
 * Where an item stands between submission and its outcome: `submitted` until its agency reports
 * anything, `supplemented` from the applicant's answer until the agency takes the item up again.
 */
export type WaitingState = 'submitted' | 'pending' | 'in_review' | 'awaiting_supplement' | 'supplemented' | 'joint_review';
export type ItemState = WaitingState | ItemOutcome;

const OUTCOMES: readonly ItemState[] = ['granted', 'rejected', 'terminated', 'withdrawn'];

export function isOutcome(state: ItemState): state is ItemOutcome {
  return OUTCOMES.includes(state);
}

export interface CaseFacts {
  caseId: string;
  /** Null until the case's submission has been seen (an agency's event may come first). */
  channel: CaseChannel | null;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
  /** Kept by the fold with caseStatusOf after every event of the case. */
  status: CaseStatus;
  jointReviewOpenedAt: Date | null;
  jointReviewConcludedAt: Date | null;
}

export interface ItemFacts {
  caseId: string;
  item: string;
  agency: string | null;
  /** Chosen by the applicant; false for a step inside a chosen item (talent category). */
  chosen: boolean;
  /** The case's submission. */
  submittedAt: Date | null;
  reviewStartedAt: Date | null;
  outcome: ItemOutcome | null;
  outcomeAt: Date | null;
  /** The outcome's reason (a rejection's or termination's), as the catalogue's message. */
  reason: Message | null;
  supplementRequestedAt: Date | null;
  overdueAt: Date | null;
  /** The due date the first overdue notice said the item passed (`YYYY-MM-DD`, China). */
  overdueDueDate: string | null;
}

/** One change of an item's state, at the `occurredAt` of the event that reported it. */
export interface ItemTransition {
  caseId: string;
  item: string;
  state: ItemState;
  at: Date;
  /** As the catalogue's message. */
  reason: Message | null;
  requestedMaterials: string[];
}

export interface StatsRows {
  cases: CaseFacts[];
  items: ItemFacts[];
  transitions: ItemTransition[];
}
