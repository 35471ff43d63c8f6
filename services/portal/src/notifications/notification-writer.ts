import { Inject, Injectable } from '@nestjs/common';
import { type Catalogue, getCatalogue, localize } from '@work-permit/catalogue';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CaseFile } from '../cases/case-file.entity';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './channels/notification-channel';
import { NotificationDelivery } from './delivery/notification-delivery.entity';
import type { Notice } from './notice';
import { composeMessage } from './notification-texts';
import { recipientsOf } from './recipients';

/**
 * Writes a notice for each recipient of a case, and a delivery for each outbound channel that
 * reaches them, inside the caller's transaction. Keyed by (source, recipient): writing the same
 * source again adds nothing.
 */
@Injectable()
export class NotificationWriter {
  constructor(@Inject(NOTIFICATION_CHANNELS) private readonly channels: readonly NotificationChannel[]) {}

  /** Returns how many notifications were new. */
  async write(manager: EntityManager, sourceId: string, file: CaseFile, notice: Notice): Promise<number> {
    const message = composeMessage(notice, catalogueOf(file.catalogueVersion));
    const title = localize(message.title);
    const body = localize(message.body);
    let written = 0;
    for (const recipient of recipientsOf(file)) {
      const inserted = (await manager.query(
        `INSERT INTO notification (id, source_id, recipient, recipient_role, case_id, item_code, kind, title_zh, title_en, body_zh, body_en, title_message, body_message)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (source_id, recipient) DO NOTHING RETURNING id`,
        [
          randomUUID(),
          sourceId,
          recipient.key,
          recipient.role,
          file.caseId,
          notice.item.code,
          notice.kind,
          title.zh,
          title.en,
          body.zh,
          body.en,
          JSON.stringify(message.title),
          JSON.stringify(message.body),
        ],
      )) as { id: string }[];
      if (inserted.length === 0) continue;
      written += 1;
      for (const channel of this.channels) {
        const address = channel.addressFor(recipient);
        if (address) await manager.insert(NotificationDelivery, { notificationId: inserted[0].id, channel: channel.name, address, status: 'pending', attempts: 0 });
      }
    }
    return written;
  }
}

function catalogueOf(version: string): Catalogue {
  try {
    return getCatalogue(version);
  } catch {
    // A case from a version this build no longer carries is still worth telling, in today's names.
    return getCatalogue();
  }
}
