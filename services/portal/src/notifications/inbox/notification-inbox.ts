import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import type { Lang } from '@work-permit/catalogue';
import { ApplicantIds, Clock } from '@work-permit/platform';
import { DataSource, IsNull } from 'typeorm';
import { callerOf } from '../../cases/case-parties';
import { Notification } from '../notification.entity';
import { inboxOf } from '../recipients';
import { NotificationNotFoundException } from './notification.exception';
import { type NotificationView, toNotificationView } from './notification-view';

const PAGE = 200;

/** The inbox channel: an applicant's or employer's own notifications (by verified identity), as stored. */
@Injectable()
export class NotificationInbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly applicantIds: ApplicantIds,
  ) {}

  async list(principal: Principal, lang: Lang): Promise<{ notifications: NotificationView[]; unread: number }> {
    const inbox = inboxOf(callerOf(principal, this.applicantIds));
    if (!inbox) return { notifications: [], unread: 0 };
    const repository = this.dataSource.getRepository(Notification);
    const mine = { recipient: inbox.key, recipientRole: inbox.role };
    const [notifications, unread] = await Promise.all([
      repository.find({ where: mine, order: { createdAt: 'DESC', id: 'ASC' }, take: PAGE }),
      repository.countBy({ ...mine, readAt: IsNull() }),
    ]);
    return { notifications: notifications.map((n) => toNotificationView(n, lang)), unread };
  }

  /** Marks one of the caller's notifications read; reading it again changes nothing. */
  async markRead(principal: Principal, id: string): Promise<{ id: string; read: true }> {
    const inbox = inboxOf(callerOf(principal, this.applicantIds));
    if (!inbox) throw new NotificationNotFoundException(id);
    const rows = (await this.dataSource.query(
      `UPDATE notification SET read_at = coalesce(read_at, $4) WHERE id = $1 AND recipient = $2 AND recipient_role = $3 RETURNING id`,
      [id, inbox.key, inbox.role, this.clock.now()],
    )) as [{ id: string }[], number];
    if (rows[1] === 0) throw new NotificationNotFoundException(id);
    return { id, read: true };
  }
}
