import type { Localized } from '@work-permit/catalogue';
import type { Recipient } from '../recipients';

/** A notification on its way out of the portal through one channel. */
export interface OutgoingNotification {
  /** Stable per delivery, so a resend after a crash can be recognised (e.g. the email Message-ID). */
  deliveryId: string;
  address: string;
  caseId: string;
  title: Localized;
  body: Localized;
}

/**
 * A way of reaching a recipient besides the portal inbox. The inbox is the stored notification itself
 * (INBOX_CHANNEL); every other channel gets a delivery row written with the notification and is sent
 * by the delivery relay.
 */
export interface NotificationChannel {
  readonly name: string;
  /** Where this channel reaches the recipient, or null when it cannot (then nothing is queued). */
  addressFor(recipient: Recipient): string | null;
  /** Resolves once the message is accepted; throws to have the relay retry later. */
  send(notification: OutgoingNotification): Promise<void>;
}

export const INBOX_CHANNEL = 'inbox';

/** The configured outbound channels (injection token). */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
