import { message } from '@work-permit/catalogue';
import type { Notification } from '../notification.entity';
import { toNotificationView } from './notification-view';

describe(toNotificationView.name, () => {
  const stored = {
    id: 'n-1',
    caseId: 'c-1',
    itemCode: 'WORK_PERMIT',
    kind: 'rejected',
    titleZh: '旧标题',
    titleEn: 'old title',
    bodyZh: '旧正文',
    bodyEn: 'old body',
    titleMessage: null,
    bodyMessage: null,
    createdAt: new Date('2026-12-06T08:00:00Z'),
    readAt: null,
  } as unknown as Notification;

  it('renders the stored messages in the reader’s language', () => {
    const notification = {
      ...stored,
      titleMessage: message('notification.rejected.title', { item: 'WORK_PERMIT', action: 'issue' }),
      bodyMessage: message('notification.rejected.body', { item: 'WORK_PERMIT', action: 'issue', reason: message('officer.reason', { text: '合同期限不足' }) }),
    } as unknown as Notification;
    expect(toNotificationView(notification, 'zh')).toMatchObject({ title: '未予批准：外国人来华工作许可（签发）', body: expect.stringContaining('理由：合同期限不足。') });
    expect(toNotificationView(notification, 'en')).toMatchObject({ title: expect.stringMatching(/^Not granted: /), body: expect.stringContaining('Reason: 合同期限不足.') });
  });

  it('shows a notification from before the messages as it was written, in each language', () => {
    expect(toNotificationView(stored, 'zh')).toMatchObject({ title: '旧标题', body: '旧正文' });
    expect(toNotificationView(stored, 'en')).toMatchObject({ title: 'old title', body: 'old body' });
    expect(toNotificationView({ ...stored, titleMessage: { code: 'notification.of_a_newer_build', params: {} } } as Notification, 'en').title).toBe('old title');
  });
});
