import { message, onTheWire } from '@work-permit/catalogue';
import { createTransport, type Transporter } from 'nodemailer';
import type { Recipient } from '../recipients';
import type { NotificationChannel, OutgoingNotification } from './notification-channel';

export interface EmailSettings {
  /** smtp://user:pass@host:587 or smtps://… */
  url: string;
  from: string;
}

/**
 * Email through SMTP, to the applicant's address from the form. One message carries both languages
 * (Chinese first, the platform's language, with English beneath), since nobody chose one when it is sent.
 */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  private readonly transport: Transporter;

  constructor(private readonly settings: EmailSettings) {
    // Short timeouts: the relay holds the delivery's row lock while it sends.
    this.transport = createTransport({ url: settings.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  addressFor(recipient: Recipient): string | null {
    return recipient.email;
  }

  async send(notification: OutgoingNotification): Promise<void> {
    await this.transport.sendMail({
      from: this.settings.from,
      to: notification.address,
      // The same Message-ID on a resend lets mail systems drop the duplicate.
      messageId: `<notification-delivery-${notification.deliveryId}@work-in-weihai>`,
      subject: `${notification.title.zh} / ${notification.title.en}`,
      text: `${notification.body.zh}\n\n${notification.body.en}\n\n${onTheWire(message('notification.email.case', { caseId: notification.caseId }))}`,
    });
  }

  close(): void {
    this.transport.close();
  }
}
