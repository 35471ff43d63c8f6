import type { NotificationView } from '../../api/types';

/** Unread first, newest first within each group. */
export function inboxOrder(notifications: readonly NotificationView[]): NotificationView[] {
  return [...notifications].sort((a, b) => Number(a.read) - Number(b.read) || b.createdAt.localeCompare(a.createdAt));
}

export function unreadCount(notifications: readonly NotificationView[]): number {
  return notifications.filter((notification) => !notification.read).length;
}

/** The inbox with one notification marked read, before the server's answer comes back. */
export function markedRead(notifications: readonly NotificationView[], id: string): NotificationView[] {
  return notifications.map((notification) => (notification.id === id ? { ...notification, read: true } : notification));
}
