import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicantIds, Clock } from '@work-permit/platform';
import type { PortalConfig } from '../portal.config';
import { EmailChannel } from './channels/email.channel';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './channels/notification-channel';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './delivery/delivery-outcome';
import { DELIVERY_POLL_INTERVAL_MS, DeliveryRelay, RETRY_POLICY } from './delivery/delivery-relay';
import { DELIVERY_STORE, TypeOrmDeliveryStore } from './delivery/delivery-store';
import { NotificationInbox } from './inbox/notification-inbox';
import { NotificationsController } from './inbox/notifications.controller';
import { NotificationSettings } from './notification-settings';
import { NotificationWriter } from './notification-writer';
import { NotifyCasePartiesUseCase } from './notify-case-parties.usecase';
import { PermitReminderSchedule } from './reminders/permit-reminder-schedule';
import { PermitReminderWatch } from './reminders/permit-reminder.watch';

/** Notifications of results and supplement requests, permit reminders, the inbox and outbound channels. */
@Module({})
export class NotificationsModule {
  static register(config: PortalConfig): DynamicModule {
    const channels: NotificationChannel[] = config.SMTP_URL ? [new EmailChannel({ url: config.SMTP_URL, from: config.SMTP_FROM })] : [];
    const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: config.NOTIFICATION_DELIVERY_MAX_ATTEMPTS };
    return {
      module: NotificationsModule,
      controllers: [NotificationsController],
      providers: [
        Clock,
        ApplicantIds,
        { provide: NotificationSettings, useValue: new NotificationSettings(config.permitReminderDays, config.PERMIT_REMINDER_SCAN_INTERVAL_MS) },
        { provide: NOTIFICATION_CHANNELS, useValue: channels },
        { provide: RETRY_POLICY, useValue: policy },
        { provide: DELIVERY_POLL_INTERVAL_MS, useValue: config.NOTIFICATION_DELIVERY_POLL_INTERVAL_MS },
        { provide: DELIVERY_STORE, useClass: TypeOrmDeliveryStore },
        NotificationWriter,
        PermitReminderSchedule,
        NotifyCasePartiesUseCase,
        PermitReminderWatch,
        DeliveryRelay,
        NotificationInbox,
      ],
      exports: [NotifyCasePartiesUseCase, NotificationWriter],
    };
  }
}
