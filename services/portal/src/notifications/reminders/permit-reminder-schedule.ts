import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseFile } from '../../cases/case-file.entity';
import { NotificationSettings } from '../notification-settings';
import { planReminders } from './due-reminders';

/** Writes a granted permit's reminders, in the transaction that records the grant. */
@Injectable()
export class PermitReminderSchedule {
  constructor(private readonly settings: NotificationSettings) {}

  async permitGranted(manager: EntityManager, file: CaseFile, itemCode: string, result: Record<string, unknown>): Promise<void> {
    const planned = planReminders(itemCode, result, this.settings.reminderDays);
    if (planned.length === 0) return;
    const validTo = planned[0].validTo;
    // The holder's newer permit (an extension, a change) replaces the reminders of the one it succeeds.
    await manager.query(
      `UPDATE permit_reminder SET status = 'skipped', handled_at = now()
       WHERE applicant_id = $1 AND item_code = $2 AND status = 'pending' AND valid_to < $3`,
      [file.applicantId, itemCode, validTo],
    );
    for (const reminder of planned) {
      await manager.query(
        `INSERT INTO permit_reminder (case_id, item_code, days_before, applicant_id, permit_no, valid_to, remind_on, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending') ON CONFLICT DO NOTHING`,
        [file.caseId, itemCode, reminder.daysBefore, file.applicantId, reminder.permitNo, reminder.validTo, reminder.remindOn],
      );
    }
  }
}
