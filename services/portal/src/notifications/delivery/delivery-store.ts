import { Injectable } from '@nestjs/common';
import type { Localized } from '@work-permit/catalogue';
import { DataSource } from 'typeorm';
import { storedText } from '../inbox/notification-view';
import type { DeliveryOutcome } from './delivery-outcome';
import { NotificationDelivery } from './notification-delivery.entity';

/** A delivery due now, with the notification it carries. */
export interface DueDelivery {
  id: string;
  channel: string;
  address: string;
  attempts: number;
  caseId: string;
  title: Localized;
  body: Localized;
}

export interface DeliveryStore {
  /**
   * Runs `attempt` on the next due delivery of one of `channels` while holding its row, and records
   * the outcome in the same transaction; resolves false when nothing is due.
   */
  withNextDue(channels: readonly string[], now: Date, attempt: (delivery: DueDelivery) => Promise<DeliveryOutcome>): Promise<boolean>;
}

export const DELIVERY_STORE = Symbol('DELIVERY_STORE');

interface DueRow {
  id: string;
  channel: string;
  address: string;
  attempts: number;
  case_id: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  title_message: unknown;
  body_message: unknown;
}

/**
 * The row stays locked (FOR UPDATE SKIP LOCKED) while the channel sends, so replicas never send the
 * same delivery side by side; a crash before the commit leaves it pending, to be sent again.
 */
@Injectable()
export class TypeOrmDeliveryStore implements DeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  withNextDue(channels: readonly string[], now: Date, attempt: (delivery: DueDelivery) => Promise<DeliveryOutcome>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT d.id, d.channel, d.address, d.attempts, n.case_id, n.title_zh, n.title_en, n.body_zh, n.body_en, n.title_message, n.body_message
         FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND d.channel = ANY($2::text[])
         ORDER BY d.next_attempt_at, d.id LIMIT 1
         FOR UPDATE OF d SKIP LOCKED`,
        [now, channels],
      )) as DueRow[];
      if (!row) return false;
      const outcome = await attempt({
        id: row.id,
        channel: row.channel,
        address: row.address,
        attempts: row.attempts,
        caseId: row.case_id,
        title: storedText(row.title_message, { zh: row.title_zh, en: row.title_en }),
        body: storedText(row.body_message, { zh: row.body_zh, en: row.body_en }),
      });
      await manager.update(NotificationDelivery, { id: row.id }, outcome);
      return true;
    });
  }
}
