import { CatalogueError, fromWire, getCatalogue, type Message } from '@work-permit/catalogue';
import {
  type CaseSubmitted,
  type CaseSupplemented,
  type CaseWithdrawn,
  Channel,
  Decision,
  Events,
  type IncomingEvent,
  type ItemDecided,
  ItemDecidedEvents,
  type ItemProgressed,
  ItemProgressedEvents,
  ItemStatus,
} from '@work-permit/contracts';
import { isIsoDate } from '@work-permit/workdays';
import type { CaseChannel, ItemState } from './stats-model';

/** What one event changes in the statistics; every `at` is the event's `occurredAt`. */
export type StatisticsChange =
  | { kind: 'submitted'; caseId: string; at: Date; channel: CaseChannel; items: { item: string; agency: string | null }[] }
  | {
      kind: 'item';
      caseId: string;
      at: Date;
      item: string;
      agency: string | null;
      state: ItemState | null;
      /** The plain reason text the event carried. */
      reason: string | null;
      /** The reason as the catalogue's message (the event's `reason_message`, else its text as written): what the statistics count by code. */
      reasonMessage: Message | null;
      requestedMaterials: string[];
      overdue: boolean;
      /** The item's due date as its agency reckoned it in this event (`YYYY-MM-DD`); null when the event carries none. */
      dueDate: string | null;
    }
  | { kind: 'withdrawn'; caseId: string; at: Date; items: string[]; reason: string | null; reasonMessage: Message | null }
  | { kind: 'joint_review_opened' | 'joint_review_concluded'; caseId: string; at: Date };

const STATE_OF_PROGRESS: Partial<Record<ItemStatus, ItemState>> = {
  [ItemStatus.PENDING]: 'pending',
  [ItemStatus.IN_REVIEW]: 'in_review',
  [ItemStatus.AWAITING_SUPPLEMENT]: 'awaiting_supplement',
  [ItemStatus.JOINT_REVIEW]: 'joint_review',
  [ItemStatus.TERMINATED]: 'terminated',
  [ItemStatus.WITHDRAWN]: 'withdrawn',
};

const ITEM_DECIDED = new Set<string>(ItemDecidedEvents.map((definition) => definition.type));
const ITEM_PROGRESSED = new Set<string>(ItemProgressedEvents.map((definition) => definition.type));

/** The event types `statisticsChangeOf` counts; for any other it answers undefined. */
export const STATISTICS_EVENT_TYPES: readonly string[] = [
  Events.CaseSubmitted.type,
  Events.CaseSupplemented.type,
  Events.CaseWithdrawn.type,
  Events.JointReviewOpened.type,
  Events.JointReviewConcluded.type,
  ...ITEM_DECIDED,
  ...ITEM_PROGRESSED,
];

/** The change an event makes, or undefined for an event the statistics do not count. */
export function statisticsChangeOf(event: IncomingEvent): StatisticsChange | undefined {
  const { caseId, occurredAt: at } = event;
  if (event.type === Events.CaseSubmitted.type) {
    const payload = (event as IncomingEvent<CaseSubmitted>).payload;
    const agencyOf = agenciesOf(payload.catalogueVersion);
    return {
      kind: 'submitted',
      caseId,
      at,
      channel: payload.channel === Channel.OFFLINE ? 'offline' : 'online',
      items: payload.items.map((item) => ({ item: item.code, agency: agencyOf.get(item.code) ?? null })),
    };
  }
  if (event.type === Events.CaseSupplemented.type) {
    const payload = (event as IncomingEvent<CaseSupplemented>).payload;
    return { kind: 'item', caseId, at, item: payload.itemCode, agency: null, state: 'supplemented', reason: null, reasonMessage: null, requestedMaterials: [], overdue: false, dueDate: null };
  }
  if (event.type === Events.CaseWithdrawn.type) {
    const payload = (event as IncomingEvent<CaseWithdrawn>).payload;
    // The withdrawal carries its reason as text only.
    return { kind: 'withdrawn', caseId, at, items: [...payload.itemCodes], reason: payload.reason || null, reasonMessage: reasonOf(undefined, payload.reason) };
  }
  if (event.type === Events.JointReviewOpened.type) return { kind: 'joint_review_opened', caseId, at };
  if (event.type === Events.JointReviewConcluded.type) return { kind: 'joint_review_concluded', caseId, at };
  if (ITEM_DECIDED.has(event.type)) {
    const payload = (event as IncomingEvent<ItemDecided>).payload;
    const state: ItemState | null = payload.decision === Decision.GRANTED ? 'granted' : payload.decision === Decision.REJECTED ? 'rejected' : null;
    return {
      kind: 'item',
      caseId,
      at,
      item: payload.itemCode,
      agency: payload.agency || null,
      state,
      reason: payload.reason || null,
      reasonMessage: reasonOf(payload.reasonMessage, payload.reason),
      requestedMaterials: [],
      overdue: false,
      dueDate: null,
    };
  }
  if (ITEM_PROGRESSED.has(event.type)) {
    const payload = (event as IncomingEvent<ItemProgressed>).payload;
    return {
      kind: 'item',
      caseId,
      at,
      item: payload.itemCode,
      agency: payload.agency || null,
      state: STATE_OF_PROGRESS[payload.status] ?? null,
      reason: payload.reason || null,
      reasonMessage: reasonOf(payload.reasonMessage, payload.reason),
      requestedMaterials: [...payload.requestedMaterials],
      overdue: payload.overdue,
      // A due date the database could not read would stall the partition; such a value is dropped instead.
      dueDate: isIsoDate(payload.dueDate) ? payload.dueDate : null,
    };
  }
  return undefined;
}

function reasonOf(structured: { code: string; paramsJson: string } | undefined, text: string): Message | null {
  return fromWire(structured, text) ?? null;
}

// The owning agency before its own events say so; a case of a catalogue this build does not know
// still counts, only without agencies until they report.
function agenciesOf(catalogueVersion: string): Map<string, string> {
  try {
    return new Map(getCatalogue(catalogueVersion).items.map((item) => [item.code, item.agency]));
  } catch (error) {
    if (error instanceof CatalogueError) return new Map();
    throw error;
  }
}
