import { Injectable } from '@nestjs/common';
import { fromWire } from '@work-permit/catalogue';
import { CancellationGround, type IncomingEvent, type PermitCancelled } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import { CaseFile } from '../case-file.entity';
import { CaseItem } from '../case-item.entity';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';
import { NotificationWriter } from '../../notifications/notification-writer';

/**
 * The permit's owner cancelled the case's permit: the case view shows it (`result.cancelledOn`, a
 * `cancelled` timeline entry), the applicant and the employer are told, and its expiry reminders stop.
 */
@Injectable()
export class FollowCancellationUseCase {
  constructor(private readonly notifications: NotificationWriter) {}

  async cancelled(event: IncomingEvent<PermitCancelled>, tx: Transaction): Promise<void> {
    const cancellation = event.payload;
    const item = await tx.manager.findOne(CaseItem, { where: { caseId: event.caseId, code: cancellation.itemCode }, lock: { mode: 'pessimistic_write' } });
    if (!item || typeof item.result?.cancelledOn === 'string') return;
    // The plain text for older readers, the message to render in the reader's language (case-view.ts).
    const reasonMessage = fromWire(cancellation.reasonMessage, cancellation.reason);
    const result = { ...item.result, cancelledOn: cancellation.cancelledOn, cancellationReason: cancellation.reason, ...(reasonMessage ? { cancellationReasonMessage: reasonMessage } : {}) };
    await tx.manager.update(CaseItem, { caseId: item.caseId, code: item.code }, { result });
    await tx.manager.insert(CaseTimelineEntry, { caseId: event.caseId, at: event.occurredAt, type: 'cancelled', agency: item.agency, item: item.code });
    await tx.manager.query(`UPDATE permit_reminder SET status = 'skipped', handled_at = now() WHERE case_id = $1 AND item_code = $2 AND status = 'pending'`, [item.caseId, item.code]);
    const file = await tx.manager.findOneBy(CaseFile, { caseId: event.caseId });
    if (!file) return;
    await this.notifications.write(tx.manager, event.eventId, file, {
      kind: 'permit_cancelled',
      item: { code: item.code, action: item.action },
      permitNo: cancellation.permitNo || null,
      cancelledOn: cancellation.cancelledOn,
      ground: cancellation.ground === CancellationGround.JOINT_REVIEW_REJECTED ? 'joint_review_rejected' : 'contract_ended',
      contractEndedOn: cancellation.contractEndedOn || null,
    });
  }
}
