import { Injectable } from '@nestjs/common';
import type { IncomingEvent } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import type { ItemChange } from '../cases/follow-agencies/agency-progress';
import { type ItemRef, noticeFor } from './notice';
import { type NotifiedCase, NotificationWriter } from './notification-writer';
import { PermitReminderSchedule } from './reminders/permit-reminder-schedule';

/**
 * Tells the case's applicant and employer of an item's result or a supplement request, in the
 * transaction that applies the agency's event to the case; a granted permit's reminders are
 * scheduled in the same transaction.
 */
@Injectable()
export class NotifyCasePartiesUseCase {
  constructor(
    private readonly writer: NotificationWriter,
    private readonly reminders: PermitReminderSchedule,
  ) {}

  /** `file` is the item's case as the event's transaction read it. */
  async itemChanged(event: IncomingEvent, file: NotifiedCase, item: ItemRef, change: ItemChange, tx: Transaction): Promise<void> {
    const notice = noticeFor(change, { code: item.code, action: item.action });
    if (!notice) return;
    await this.writer.write(tx.manager, event.eventId, file, notice);
    if (notice.kind === 'granted') await this.reminders.permitGranted(tx.manager, file, item.code, notice.result);
  }
}
