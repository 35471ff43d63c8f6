import type { Lang } from '@work-permit/catalogue';
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
    title: lang === 'zh' ? notification.titleZh : notification.titleEn,
    body: lang === 'zh' ? notification.bodyZh : notification.bodyEn,
    createdAt: notification.createdAt.toISOString(),
    read: notification.readAt !== null,
  };
}
