import { ServiceConfig } from '@work-permit/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

/** The portal's settings; see README.md. */
export class PortalConfig extends ServiceConfig {
  /** Email notifications go out only when this is set, e.g. smtp://user:pass@host:587 (smtps:// for implicit TLS). */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  SMTP_FROM = 'Work in Weihai <no-reply@weihai.example>';

  /** Days before a permit's validTo on which its holder is reminded to extend it. */
  @Matches(/^\d{1,3}(,\d{1,3})*$/, { message: 'PERMIT_REMINDER_DAYS must be comma-separated day counts, e.g. 90,30' })
  PERMIT_REMINDER_DAYS = '90,30';

  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  PERMIT_REMINDER_SCAN_INTERVAL_MS = 3_600_000;

  @Type(() => Number)
  @IsInt()
  @Min(50)
  NOTIFICATION_DELIVERY_POLL_INTERVAL_MS = 2_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  NOTIFICATION_DELIVERY_MAX_ATTEMPTS = 8;

  get permitReminderDays(): number[] {
    return [...new Set(this.PERMIT_REMINDER_DAYS.split(',').map(Number))].filter((days) => days > 0).sort((a, b) => b - a);
  }
}
