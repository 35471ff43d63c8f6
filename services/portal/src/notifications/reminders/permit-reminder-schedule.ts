import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseFile } from '../../cases/case-file.entity';
import { NotificationSettings } from '../notification-settings';
import { planReminders } from './due-reminders';

/** Writes a granted permit's reminders, in the transaction that records the grant. */
@Injectable()
export class PermitReminderSchedule {
  constructor(private readonly settings: NotificationSettings) {}

  async permitGranted(manager: EntityManager, file: Pick<CaseFile, 'caseId' | 'applicantId'>, itemCode: string, result: Record<string, unknown>): Promise<void> {
    const planned = planReminders(itemCode, result, this.settings.reminderDays);
    if (planned.length === 0) return;
    const validTo = planned[0].validTo;
    // The holder's newer permit (an extension, a change) replaces the reminders of the one it succeeds.
    // One statement: the update sees the reminders as they were before it, so none of the new ones is skipped.
    await manager.query(
      `WITH replaced AS (
         UPDATE permit_reminder SET status = 'skipped', handled_at = now()
          WHERE applicant_id = $1 AND item_code = $2 AND status = 'pending' AND valid_to < $3::date
       )
       INSERT INTO permit_reminder (case_id, item_code, days_before, applicant_id, permit_no, valid_to, remind_on, status)
       SELECT $4::uuid, $2, reminder.days_before, $1, reminder.permit_no, reminder.valid_to, reminder.remind_on, 'pending'
         FROM unnest($5::int[], $6::text[], $7::date[], $8::date[]) WITH ORDINALITY AS reminder (days_before, permit_no, valid_to, remind_on, n)
        ORDER BY reminder.n
       ON CONFLICT DO NOTHING`,
      [
        file.applicantId,
        itemCode,
        validTo,
        file.caseId,
        planned.map((reminder) => reminder.daysBefore),
        planned.map((reminder) => reminder.permitNo),
        planned.map((reminder) => reminder.validTo),
        planned.map((reminder) => reminder.remindOn),
      ],
    );
  }
}
