import { ServiceConfig } from '@work-permit/platform';
import { agencyUrls } from './web/web-settings';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';

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

  /** The largest document POST /api/materials accepts, in bytes (10 MiB). */
  @Type(() => Number)
  @IsInt()
  @Min(1_024)
  @Max(1_073_741_824)
  MATERIALS_MAX_BYTES = 10 * 1024 * 1024;

  /** The most one subject may upload in all, in bytes (200 MiB): the sizes of the distinct documents they uploaded, summed. */
  @Type(() => Number)
  @IsInt()
  @Min(1_024)
  MATERIALS_QUOTA_BYTES_PER_SUBJECT = 200 * 1024 * 1024;

  /** Where uploaded documents are kept when no bucket is set: relative to the working directory, or absolute. */
  @IsString()
  @IsNotEmpty()
  MATERIALS_DIR = '.local/materials';

  /** With it, documents are kept in this bucket of S3 or an S3-compatible server instead of MATERIALS_DIR. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'MATERIALS_S3_BUCKET must be an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens)' })
  MATERIALS_S3_BUCKET?: string;

  /** An S3-compatible server, e.g. http://127.0.0.1:9000; unset for AWS itself. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'MATERIALS_S3_ENDPOINT must be an http:// or https:// URL' })
  MATERIALS_S3_ENDPOINT?: string;

  @IsString()
  @IsNotEmpty()
  MATERIALS_S3_REGION = 'us-east-1';

  /** Both keys or neither: without them the AWS SDK's default credential chain applies. */
  @ValidateIf((config: PortalConfig) => config.MATERIALS_S3_ACCESS_KEY_ID !== undefined || config.MATERIALS_S3_SECRET_ACCESS_KEY !== undefined)
  @IsString({ message: 'MATERIALS_S3_ACCESS_KEY_ID and MATERIALS_S3_SECRET_ACCESS_KEY are set together or not at all' })
  MATERIALS_S3_ACCESS_KEY_ID?: string;

  @ValidateIf((config: PortalConfig) => config.MATERIALS_S3_ACCESS_KEY_ID !== undefined || config.MATERIALS_S3_SECRET_ACCESS_KEY !== undefined)
  @IsString({ message: 'MATERIALS_S3_ACCESS_KEY_ID and MATERIALS_S3_SECRET_ACCESS_KEY are set together or not at all' })
  MATERIALS_S3_SECRET_ACCESS_KEY?: string;

  /** With a bucket: where uploads are staged while they arrive, before they are sent on (the system's temporary directory by default). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  MATERIALS_S3_STAGING_DIR?: string;

  /** Bucket in the path (http://host/bucket/key), as most S3-compatible servers want, rather than in the host name. */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'MATERIALS_S3_FORCE_PATH_STYLE must be true or false' })
  MATERIALS_S3_FORCE_PATH_STYLE = false;

  /** How often the acceptance notices' renderer looks for notices to issue. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  DOCUMENTS_RENDER_INTERVAL_MS = 1_000;

  /** Days a draft is kept untouched (`/api/drafts`): older ones are gone for their owner and deleted by a periodic task. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  DRAFTS_TTL_DAYS = 90;

  /** The largest draft content, in bytes of JSON; within the JSON body limit every request has (100 kB). */
  @Type(() => Number)
  @IsInt()
  @Min(1_024)
  @Max(100_000)
  DRAFTS_MAX_BYTES = 64 * 1024;

  /** The most drafts one owner keeps at a time. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DRAFTS_MAX_PER_OWNER = 20;

  /** How often expired drafts are deleted (it also runs at boot). */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  DRAFTS_PURGE_INTERVAL_MS = 3_600_000;

  /** Observed decisions of an item and action needed before their median gives the forecast's expected date; unset: the catalogue's (20). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  FORECAST_MIN_OBSERVATIONS?: number;

  /** The months of observed decisions the forecast reads (this month and the ones before); unset: the catalogue's (12). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  FORECAST_OBSERVATION_MONTHS?: number;

  /** The built web front (`npx nx build web`), served at `/`; relative paths are from the working directory. */
  @IsString()
  WEB_DIST_DIR = 'dist/web';

  /** The agencies' addresses as the browser reaches them: "psb=https://…,hrss=…"; unnamed ones are 127.0.0.1:300N. */
  @IsOptional()
  @IsString()
  WEB_AGENCY_URLS?: string;

  /** The provincial identity provider's sign-in address; when set (and always in production) local sign-in is off. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'AUTH_SIGN_IN_URL must be an http(s) URL' })
  AUTH_SIGN_IN_URL?: string;

  /**
   * The local sign-in page and `POST /api/auth/local-token`: only when switched on explicitly, never in
   * production, never with AUTH_SIGN_IN_URL set (`npm start` switches it on).
   */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'AUTH_LOCAL_SIGN_IN must be true or false' })
  AUTH_LOCAL_SIGN_IN = false;

  /** The web front fetches from each agency: its content security policy allows their origins. */
  override get browserConnectOrigins(): string[] {
    return [...new Set(Object.values(agencyUrls(this.WEB_AGENCY_URLS)).map((url) => new URL(url).origin))];
  }

  get localSignIn(): boolean {
    return this.AUTH_LOCAL_SIGN_IN && !this.isProduction && !this.AUTH_SIGN_IN_URL;
  }

  get permitReminderDays(): number[] {
    return [...new Set(this.PERMIT_REMINDER_DAYS.split(',').map(Number))].filter((days) => days > 0).sort((a, b) => b - a);
  }
}
