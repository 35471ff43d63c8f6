import type { NotificationView } from '../../api/types';
import { inboxOrder, markedRead, unreadCount } from './notifications-model';

const notice = (id: string, createdAt: string, read: boolean): NotificationView => ({ id, caseId: 'c', item: 'WORK_PERMIT', kind: 'decided', title: id, body: '', createdAt, read });

describe('the inbox', () => {
  const inbox = [notice('old-read', '2026-03-01T00:00:00Z', true), notice('old-unread', '2026-03-01T00:00:00Z', false), notice('new-read', '2026-03-03T00:00:00Z', true), notice('new-unread', '2026-03-02T00:00:00Z', false)];

  it('puts unread first, newest first', () => {
    expect(inboxOrder(inbox).map((n) => n.id)).toEqual(['new-unread', 'old-unread', 'new-read', 'old-read']);
  });

  it('counts and marks unread ones', () => {
    expect(unreadCount(inbox)).toBe(2);
    expect(unreadCount(markedRead(inbox, 'old-unread'))).toBe(1);
    expect(inbox.find((n) => n.id === 'old-unread')?.read).toBe(false);
  });
});
