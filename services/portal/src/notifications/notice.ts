import type { Message } from '@work-permit/catalogue';
import type { ItemChange } from '../cases/follow-agencies/agency-progress';
import type { NoticeKind } from './notification.entity';

export interface ItemRef {
  code: string;
  action: string;
}

/** What the applicant and employer are told, before it is put into words. */
export type Notice =
  | { kind: 'granted'; item: ItemRef; result: Record<string, unknown> }
  | { kind: 'rejected' | 'terminated' | 'withdrawn'; item: ItemRef; reason: Message | null }
  | { kind: 'supplement_requested'; item: ItemRef; materials: string[]; reason: Message | null }
  | { kind: 'permit_expiring'; item: ItemRef; permitNo: string | null; validTo: string; daysLeft: number }
  | { kind: 'permit_cancelled'; item: ItemRef; permitNo: string | null; cancelledOn: string; ground: 'contract_ended' | 'joint_review_rejected'; contractEndedOn: string | null };

/**
 * The notice an applied agency event calls for, read from the change it made: a result or a
 * supplement request is told; review started, overdue and the like are not. A change that did not
 * happen (an item already final) has no timeline entry and so tells nothing.
 */
export function noticeFor(change: ItemChange, item: ItemRef): Notice | null {
  // The agency's reason as the catalogue's message (or its plain text as written, from an older agency).
  const reason = change.reasonMessage ?? null;
  if (change.timeline.includes('decided')) {
    if (change.status === 'granted') return { kind: 'granted', item, result: change.result ?? {} };
    if (change.status === 'rejected') return { kind: 'rejected', item, reason };
  }
  const told: NoticeKind | undefined = (['terminated', 'withdrawn', 'supplement_requested'] as const).find((type) => change.timeline.includes(type));
  if (told === 'supplement_requested') return { kind: told, item, materials: change.requestedMaterials ?? [], reason };
  if (told === 'terminated' || told === 'withdrawn') return { kind: told, item, reason };
  return null;
}
