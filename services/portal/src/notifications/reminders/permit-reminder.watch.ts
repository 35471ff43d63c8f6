import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, PeriodicTask } from '@work-permit/platform';
import { DataSource } from 'typeorm';
import { CaseFile } from '../../cases/case-file.entity';
import { NotificationSettings } from '../notification-settings';
import { NotificationWriter } from '../notification-writer';
import { daysBetween, reminderVerdict } from './due-reminders';
import { PermitReminder } from './permit-reminder.entity';

const BATCH = 200;

/**
 * Sends each permit reminder on its day, once. The reminder's status is written in the transaction
 * that writes its notifications, so a restart neither loses nor repeats one; SKIP LOCKED lets
 * several replicas scan side by side.
 */
@Injectable()
export class PermitReminderWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PermitReminderWatch.name);
  private readonly loop: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly writer: NotificationWriter,
    private readonly settings: NotificationSettings,
  ) {
    this.loop = new PeriodicTask('permit reminder scan', settings.reminderScanIntervalMs, () => this.remindDue(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Handles every reminder due today (China), a batch per transaction; returns how many were sent. */
  async remindDue(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.remindBatch();
      sent += batch.sent;
      if (batch.handled < BATCH) break;
    }
    if (sent > 0) this.logger.log(`${sent} permit reminder(s) sent`);
    return sent;
  }

  private async remindBatch(): Promise<{ handled: number; sent: number }> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(PermitReminder, 'reminder')
        .where("reminder.status = 'pending'")
        .andWhere('reminder.remind_on <= :today', { today })
        .orderBy('reminder.remind_on')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let handled = 0;
      let sent = 0;
      for (const reminder of due) {
        const verdict = reminderVerdict(reminder, this.settings.reminderDays, today);
        if (verdict === 'wait') continue;
        handled += 1;
        const file = verdict === 'send' ? await manager.findOneBy(CaseFile, { caseId: reminder.caseId }) : null;
        if (file) {
          await this.writer.write(manager, `permit-reminder:${reminder.caseId}:${reminder.itemCode}:${reminder.daysBefore}`, file, {
            kind: 'permit_expiring',
            // No action: the reminder names the permit, not the application that granted it.
            item: { code: reminder.itemCode, action: '' },
            permitNo: reminder.permitNo,
            validTo: reminder.validTo,
            daysLeft: daysBetween(today, reminder.validTo),
          });
          sent += 1;
        }
        await manager.update(
          PermitReminder,
          { caseId: reminder.caseId, itemCode: reminder.itemCode, daysBefore: reminder.daysBefore },
          { status: file ? 'sent' : 'skipped', handledAt: this.clock.now() },
        );
      }
      return { handled, sent };
    });
  }
}
