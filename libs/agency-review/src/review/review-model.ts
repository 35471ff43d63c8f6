import type { Catalogue, Message } from '@work-permit/catalogue';
import type { IsoDate, Pause, TimeLimit } from '@work-permit/workdays';
import type { CaseFacts, ItemAssessment, ItemPolicy, ItemResultView, OutcomeStatus, PrerequisiteOutcome } from '../policy/item-policy';

/** API.md's item status codes. */
export const REVIEW_STATUSES = ['pending', 'in_review', 'awaiting_supplement', 'joint_review', 'granted', 'rejected', 'terminated', 'withdrawn'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const FINAL_STATUSES: readonly ReviewStatus[] = ['granted', 'rejected', 'terminated', 'withdrawn'];

export function isFinal(status: ReviewStatus): status is OutcomeStatus {
  return FINAL_STATUSES.includes(status);
}

export interface Decider {
  kind: 'automatic' | 'officer';
  /** The officer's subject id. */
  subject?: string;
}

/** The owning agency extended the item's statutory decision limit, once (the work permit's +10 working days). */
export interface DecisionLimitExtension {
  /** By how much, in the statutory limit's unit. */
  amount: number;
  /** The officer's words, as written. */
  reason: string;
  /** The officer's subject id. */
  by: string;
  on: IsoDate;
}

/** One item (or step) an agency reviews in one case. */
export interface ReviewItem {
  code: string;
  action: CaseFacts['items'][number]['action'];
  status: ReviewStatus;
  timeLimit: TimeLimit;
  /** Supplement pauses of the item's clock. */
  pauses: Pause[];
  /** One supplement request per item: every missing document is asked for at once. */
  supplementRequested: boolean;
  requestedMaterials: string[];
  /** Documents pre-review still found missing or expired after the supplement: an officer decides. */
  stillMissing: string[];
  /** Why the item stands where it is (a message of the catalogue; an officer's words as written). */
  reason: Message | null;
  /** The rules' last verdict; cleared when documents change, so it is worked out again. */
  assessment: ItemAssessment | null;
  result: ItemResultView | null;
  decidedBy: Decider | null;
  decidedAt: Date | null;
  /**
   * The day the item's clock starts: the day of submission, or for a dependant the day its last
   * prerequisite decided in the case was granted (it can be accepted only then); null while it waits.
   */
  clockStartsOn: IsoDate | null;
  /** The promised limit's last day, or once the statutory limit is extended, the extended limit's; null while the clock waits or is paused. */
  dueDate: IsoDate | null;
  /** True when the due date reaches into a year whose holiday notice is not published yet. */
  dueDateProvisional: boolean;
  /** The law's decision limit (the catalogue's `statutoryLimit`), without the extension; null when the catalogue gives none. */
  statutoryLimit: TimeLimit | null;
  /** The statutory limit's last day, extension included; past it the item is escalated to the lead agency. */
  statutoryDueDate: IsoDate | null;
  extension: DecisionLimitExtension | null;
}

/**
 * A joint review of the case (the applicant matched the abnormal-information list): while `open`, no
 * item is decided automatically or by an officer; `rejected` ends every item not yet final.
 */
export interface CaseHold {
  status: 'open' | 'approved' | 'rejected';
  reason: Message;
}

/** Everything an agency holds about one case. */
export interface CaseReviewState {
  facts: CaseFacts;
  items: ReviewItem[];
  hold?: CaseHold;
}

/** What the workflow announces; the caller turns notices into events on the agency's topic. */
export type ReviewNotice =
  | {
      kind: 'progressed';
      code: string;
      action: string;
      status: Exclude<ReviewStatus, 'granted' | 'rejected'>;
      reason?: Message;
      requestedMaterials?: string[];
      dueDate: IsoDate | null;
      statutoryDueDate: IsoDate | null;
      /** Announces an extension of the statutory decision limit (the reason says by whom and why). */
      deadlineExtended?: boolean;
    }
  | {
      kind: 'decided';
      code: string;
      action: string;
      decision: 'granted' | 'rejected';
      reason?: Message;
      result?: ItemResultView;
      decidedBy: Decider;
      decidedAt: Date;
    };

export interface ReviewContext {
  catalogue: Catalogue;
  agency: string;
  policies: ReadonlyMap<string, ItemPolicy>;
  /** Items an officer always decides: the catalogue's `manualByDefault` ones and MANUAL_ITEMS (`manualItemsOf`). */
  manualItems: ReadonlySet<string>;
  today: IsoDate;
  now: Date;
}

/** The outcome of one step of the workflow: the items as they are now, what to announce, and this agency's own new outcomes. */
export interface ReviewStep {
  items: ReviewItem[];
  notices: ReviewNotice[];
  outcomes: PrerequisiteOutcome[];
}

/** The items an officer always decides under `catalogue`: its `manualByDefault` ones, and those MANUAL_ITEMS adds. */
export function manualItemsOf(catalogue: Catalogue, configured: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...catalogue.items.filter((item) => item.manualByDefault).map((item) => item.code), ...configured]);
}
