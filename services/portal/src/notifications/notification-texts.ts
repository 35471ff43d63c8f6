import { type Catalogue, message, type Message } from '@work-permit/catalogue';
import type { Notice } from './notice';

/** A notification as the catalogue's messages (notification.*): rendered in the reader's language when read. */
export interface NotificationMessage {
  title: Message;
  body: Message;
}

/**
 * Puts a notice into the catalogue's words. Items and materials are named by code (the catalogue
 * names them when the message is rendered); the extension window is the case's catalogue version's.
 */
export function composeMessage(notice: Notice, catalogue: Catalogue): NotificationMessage {
  const item = { item: notice.item.code, action: notice.item.action };
  switch (notice.kind) {
    case 'granted':
      return { title: message('notification.granted.title', item), body: message('notification.granted.body', { ...item, details: resultDetails(notice.result) }) };
    case 'rejected':
      return { title: message('notification.rejected.title', item), body: message('notification.rejected.body', { ...item, reason: notice.reason ?? undefined }) };
    case 'terminated':
      return { title: message('notification.terminated.title', item), body: message('notification.terminated.body', { ...item, reason: notice.reason ?? undefined }) };
    case 'withdrawn':
      return { title: message('notification.withdrawn.title', item), body: message('notification.withdrawn.body', { ...item, reason: notice.reason ?? undefined }) };
    case 'supplement_requested':
      return {
        title: message('notification.supplement_requested.title', item),
        body: message('notification.supplement_requested.body', { ...item, materials: notice.materials, reason: notice.reason ?? undefined }),
      };
    case 'permit_cancelled':
      return {
        title: message('notification.permit_cancelled.title', item),
        body: message('notification.permit_cancelled.body', {
          ...item,
          permitNo: notice.permitNo ?? undefined,
          cancelledOn: notice.cancelledOn,
          ground: notice.ground,
          contractEndedOn: notice.contractEndedOn ?? undefined,
        }),
      };
    case 'permit_expiring': {
      const window = extensionWindow(notice.item.code, catalogue);
      return {
        title: message('notification.permit_expiring.title', { ...item, validTo: notice.validTo }),
        body: message('notification.permit_expiring.body', {
          ...item,
          permitNo: notice.permitNo ?? undefined,
          validTo: notice.validTo,
          days: notice.daysLeft,
          minDays: window?.minDays,
          maxDays: window?.maxDays,
        }),
      };
    }
  }
}

function extensionWindow(itemCode: string, catalogue: Catalogue): { minDays: number; maxDays?: number } | undefined {
  const window = catalogue.items.find((i) => i.code === itemCode)?.actions.find((a) => a.action === 'extend')?.window;
  return window?.kind === 'before_expiry' ? window : undefined;
}

/** The result fields API.md names, in words; anything else an item adds stays in the case view. */
function resultDetails(result: Record<string, unknown>): Message[] {
  const text = (key: string) => (typeof result[key] === 'string' || typeof result[key] === 'number' ? String(result[key]) : undefined);
  const details: Message[] = [];
  const permitNo = text('permitNo');
  if (permitNo) details.push(message('notification.detail.permit_no', { permitNo }));
  const validFrom = text('validFrom');
  const validTo = text('validTo');
  if (validFrom && validTo) details.push(message('notification.detail.validity', { validFrom, validTo }));
  else if (validTo) details.push(message('notification.detail.valid_until', { validTo }));
  const category = text('category');
  if (category) details.push(message('notification.detail.category', { category }));
  const points = text('points');
  if (points) details.push(message('notification.detail.points', { points }));
  const fee = text('feeCny');
  if (fee) details.push(message('notification.detail.fee', { fee }));
  const socialSecurityNo = text('socialSecurityNo');
  if (socialSecurityNo) details.push(message('notification.detail.social_security_no', { number: socialSecurityNo }));
  return details;
}
