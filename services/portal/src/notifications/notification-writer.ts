import { Inject, Injectable } from '@nestjs/common';
import { type Catalogue, getCatalogue, localize } from '@work-permit/catalogue';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CaseFile } from '../cases/case-file.entity';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './channels/notification-channel';
import type { Notice } from './notice';
import { composeMessage } from './notification-texts';
import { recipientsOf } from './recipients';

/** What a notice needs of its case: whom it goes to and the catalogue it is told in. */
export type NotifiedCase = Pick<CaseFile, 'caseId' | 'catalogueVersion' | 'applicantId' | 'employerUscc' | 'body'>;

/**
 * Writes a notice for each recipient of a case, and a delivery for each outbound channel that
 * reaches them, inside the caller's transaction. Keyed by (source, recipient): writing the same
 * source again adds nothing.
 */
@Injectable()
export class NotificationWriter {
  constructor(@Inject(NOTIFICATION_CHANNELS) private readonly channels: readonly NotificationChannel[]) {}

  /** Returns how many notifications were new. One statement: the notices, and the deliveries of those that are new. */
  async write(manager: EntityManager, sourceId: string, file: NotifiedCase, notice: Notice): Promise<number> {
    const message = composeMessage(notice, catalogueOf(file.catalogueVersion));
    const title = localize(message.title);
    const body = localize(message.body);
    const recipients = recipientsOf(file);
    const deliveries = recipients.flatMap((recipient) =>
      this.channels.flatMap((channel) => {
        const address = channel.addressFor(recipient);
        return address ? [{ recipient: recipient.key, channel: channel.name, address }] : [];
      }),
    );
    const [{ written }] = (await manager.query(
      `WITH written AS (
         INSERT INTO notification (id, source_id, recipient, recipient_role, case_id, item_code, kind, title_zh, title_en, body_zh, body_en, title_message, body_message)
         SELECT recipient.id, $1, recipient.key, recipient.role, $2::uuid, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb
           FROM unnest($11::uuid[], $12::text[], $13::text[]) WITH ORDINALITY AS recipient (id, key, role, n) ORDER BY recipient.n
         ON CONFLICT (source_id, recipient) DO NOTHING RETURNING id, recipient
       ), delivered AS (
         INSERT INTO notification_delivery (notification_id, channel, address, status, attempts)
         SELECT written.id, delivery.channel, delivery.address, 'pending', 0
           FROM unnest($14::text[], $15::text[], $16::text[]) WITH ORDINALITY AS delivery (recipient, channel, address, n)
           JOIN written ON written.recipient = delivery.recipient ORDER BY delivery.n
       )
       SELECT count(*)::int AS written FROM written`,
      [
        sourceId,
        file.caseId,
        notice.item.code,
        notice.kind,
        title.zh,
        title.en,
        body.zh,
        body.en,
        JSON.stringify(message.title),
        JSON.stringify(message.body),
        recipients.map(() => randomUUID()),
        recipients.map((recipient) => recipient.key),
        recipients.map((recipient) => recipient.role),
        deliveries.map((delivery) => delivery.recipient),
        deliveries.map((delivery) => delivery.channel),
        deliveries.map((delivery) => delivery.address),
      ],
    )) as { written: number }[];
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
