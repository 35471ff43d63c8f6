import { isKnownMessage, type Lang, localize, type Localized } from '@work-permit/catalogue';
import type { Notification, NoticeKind } from '../notification.entity';

/** One inbox entry in the reader's language. */
export interface NotificationView {
  id: string;
  caseId: string;
  item: string;
  kind: NoticeKind;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

export function toNotificationView(notification: Notification, lang: Lang): NotificationView {
  return {
    id: notification.id,
    caseId: notification.caseId,
    item: notification.itemCode,
    kind: notification.kind,
    title: storedText(notification.titleMessage, { zh: notification.titleZh, en: notification.titleEn })[lang],
    body: storedText(notification.bodyMessage, { zh: notification.bodyZh, en: notification.bodyEn })[lang],
    createdAt: notification.createdAt.toISOString(),
    read: notification.readAt !== null,
  };
}

/**
 * A notification's text in both languages: its message rendered now when this build knows it, else
 * the texts written with it (a row from before the messages, or a message of a newer build).
 */
export function storedText(message: unknown, written: Localized): Localized {
  return isKnownMessage(message) ? localize(message) : written;
}
