import { CURRENT_CATALOGUE_VERSION, fromWire, getCatalogue, type Message } from '@work-permit/catalogue';
import { Decision, type ItemDecided, type ItemProgressed, type ItemResult, ItemStatus as WireItemStatus } from '@work-permit/contracts';
import { FINAL_ITEM_STATUSES, type ItemStatus } from '../case-item.entity';
import type { TimelineEntryType } from '../case-timeline-entry.entity';

/** What an agency event changes on the portal's view of one item. */
export interface ItemChange {
  status?: ItemStatus;
  dueDate?: string | null;
  /** The plain reason as the event wrote it (`中文 / English`), for older readers. */
  reason?: string | null;
  /** The reason as the catalogue's message (`reasonMessage`, else the plain text as written). */
  reasonMessage?: Message | null;
  result?: Record<string, unknown>;
  requestedMaterials?: string[];
  timeline: TimelineEntryType[];
}

const STATUS_FROM_WIRE: Partial<Record<WireItemStatus, { status: ItemStatus; timeline?: TimelineEntryType }>> = {
  [WireItemStatus.PENDING]: { status: 'pending' },
  [WireItemStatus.IN_REVIEW]: { status: 'in_review', timeline: 'review_started' },
  [WireItemStatus.AWAITING_SUPPLEMENT]: { status: 'awaiting_supplement', timeline: 'supplement_requested' },
  [WireItemStatus.JOINT_REVIEW]: { status: 'joint_review', timeline: 'joint_review_opened' },
  [WireItemStatus.TERMINATED]: { status: 'terminated', timeline: 'terminated' },
  [WireItemStatus.WITHDRAWN]: { status: 'withdrawn', timeline: 'withdrawn' },
};

export function isFinal(status: ItemStatus): boolean {
  return FINAL_ITEM_STATUSES.includes(status);
}

/** A decision makes the item final; an item that is already final (e.g. withdrawn) stays as it is. */
export function changeForDecision(current: ItemStatus, event: ItemDecided): ItemChange {
  if (isFinal(current)) return { timeline: [] };
  const granted = event.decision === Decision.GRANTED;
  return {
    status: granted ? 'granted' : 'rejected',
    reason: event.reason || null,
    reasonMessage: fromWire(event.reasonMessage, event.reason) ?? null,
    result: granted && event.result ? resultView(event.result) : undefined,
    requestedMaterials: [],
    timeline: ['decided'],
  };
}

/** Progress never moves a final item back; an overdue notice only adds to the timeline. */
export function changeForProgress(current: ItemStatus, event: ItemProgressed): ItemChange {
  if (isFinal(current)) return { timeline: [] };
  const mapped = STATUS_FROM_WIRE[event.status];
  const timeline: TimelineEntryType[] = [];
  if (mapped?.timeline && mapped.status !== current) timeline.push(mapped.timeline);
  if (event.overdue) timeline.push('overdue');
  return {
    status: mapped?.status,
    dueDate: event.dueDate || null,
    reason: event.reason || null,
    reasonMessage: fromWire(event.reasonMessage, event.reason) ?? null,
    requestedMaterials: mapped?.status === 'awaiting_supplement' ? [...event.requestedMaterials] : undefined,
    timeline,
  };
}

/** The result as API.md shows it: only the fields the item produced. */
export function resultView(result: ItemResult): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  const fields = ['permitNo', 'validFrom', 'validTo', 'category', 'points', 'feeCny', 'socialSecurityNo'] as const;
  for (const field of fields) if (result[field] !== undefined) view[field] = result[field];
  for (const [key, value] of Object.entries(result.attributes)) view[key] = value;
  return view;
}

/**
 * Whether an agency's item event is about an item of an applicant's case. A step inside an item
 * (talent category, list screening) is not one: the portal takes no transaction for those.
 */
export function concernsCaseItem(event: { payload: { itemCode: string } }): boolean {
  return !isStep(event.payload.itemCode);
}

export function isStep(itemCode: string): boolean {
  return getCatalogue(CURRENT_CATALOGUE_VERSION).items.some((item) => item.code === itemCode && item.kind === 'step');
}
