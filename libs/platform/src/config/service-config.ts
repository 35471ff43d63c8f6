import { plainToInstance, Transform, Type } from 'class-transformer';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, isLocalEnvironment, resolveTokenVerification, type TokenVerification } from '@work-permit/auth';
import { IsWorkdaysCalendarFile } from '../health/workdays-calendar';
import { getMetadataStorage, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf, validateSync, type ValidationError } from 'class-validator';
import { IsKafkaCaFile } from './kafka-security-settings';
import { DEFAULT_OUTBOX_OPTIONS, type KafkaSecurity, kafkaSecurityOf, SASL_MECHANISMS, type SaslMechanism } from '@work-permit/messaging';

// An origin as browsers send it: scheme, host (name, IPv4 or [IPv6]) and optional port, nothing after.
const ORIGIN = String.raw`https?:\/\/(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?`;
const ORIGIN_LIST = new RegExp(String.raw`^${ORIGIN}(?:\s*,\s*${ORIGIN})*$`, 'i');

/**
 * The settings every service reads, from environment variables of the same names. A service
 * extends this class with its own settings; nothing reads `process.env` anywhere else.
 */
export class ServiceConfig {
  /** Production unless the environment says development or test: an unset NODE_ENV never trusts local defaults. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @IsString()
  HOST = '0.0.0.0';

  /** The PostgreSQL server; each service uses its own database on it (DATABASE_NAME). */
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_NAME must be a lower-case SQL identifier' })
  DATABASE_NAME!: string;

  @Type(() => Number)
  @IsInt()
  @Min(2)
  // Six services share one PostgreSQL server, whose default max_connections is 100.
  DATABASE_POOL_SIZE = 10;

  /** Whether the service creates its database when missing; off where operations create it and its owner role (the service then never needs CREATEDB). */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'DATABASE_CREATE must be true or false' })
  DATABASE_CREATE = true;

  /** Whether the service runs its pending migrations at start (under the migration lock); off where the migration Job runs them (`main.js migrate`): it then stops at start while any is pending. */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'DATABASE_MIGRATE_AT_BOOT must be true or false' })
  DATABASE_MIGRATE_AT_BOOT = true;

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port…]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** Defaults to the service name; set it to run a second, independent copy (e.g. in tests). */
  @IsOptional()
  @Matches(/^[\w.-]+$/)
  KAFKA_CONSUMER_GROUP?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  KAFKA_TOPIC_PARTITIONS = 6;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  KAFKA_REPLICATION_FACTOR = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  KAFKA_PARTITIONS_CONCURRENCY = 3;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  KAFKA_CASE_CONCURRENCY = 8;

  /** Attempts for an event failing with an error of no known kind before it is dead-lettered (known-transient ones are retried without end). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  KAFKA_UNKNOWN_ERROR_ATTEMPTS = 3;

  /** Events of one batch applied in one transaction (1: each on its own); a failing batch falls back to one per event. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  KAFKA_EVENTS_PER_TRANSACTION = 64;

  /** Handled messages' offsets committed together this often, not after each batch (0: after each batch); a crash redelivers at most this much, which the inbox skips. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  KAFKA_OFFSET_COMMIT_INTERVAL_MS = 1_000;

  /** How long the group waits for a silent consumer before its partitions move (a crashed replica's, say); the broker allows 6 s at least. */
  @Type(() => Number)
  @IsInt()
  @Min(6_000)
  KAFKA_SESSION_TIMEOUT_MS = 30_000;

  /** Whether the service creates its missing topics at start; off where operations own them (it then stops at start naming any that are missing). */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'KAFKA_PROVISION_TOPICS must be true or false' })
  KAFKA_PROVISION_TOPICS = true;

  /** TLS to the brokers. */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'KAFKA_SSL must be true or false' })
  KAFKA_SSL = false;

  /** A PEM file of the certificate authorities to trust for the brokers' certificates (instead of Node's); read at start. */
  @IsOptional()
  @IsString()
  @IsKafkaCaFile()
  KAFKA_SSL_CA_FILE?: string;

  /** SASL: unset means none; with it, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required. */
  @ValidateIf((config: ServiceConfig) => config.KAFKA_SASL_MECHANISM !== undefined || config.KAFKA_SASL_USERNAME !== undefined || config.KAFKA_SASL_PASSWORD !== undefined)
  @IsIn(SASL_MECHANISMS, { message: `KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')} (required when KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD is set)` })
  KAFKA_SASL_MECHANISM?: SaslMechanism;

  @ValidateIf((config: ServiceConfig) => config.KAFKA_SASL_MECHANISM !== undefined || config.KAFKA_SASL_USERNAME !== undefined)
  @IsString({ message: 'KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM' })
  KAFKA_SASL_USERNAME?: string;

  /** Never logged; the validation messages never quote it. */
  @ValidateIf((config: ServiceConfig) => config.KAFKA_SASL_MECHANISM !== undefined || config.KAFKA_SASL_PASSWORD !== undefined)
  @IsString({ message: 'KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM' })
  KAFKA_SASL_PASSWORD?: string;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS = 200;

  /** Payload bytes one relay turn sends at most (its first event whatever its size): keep it under the brokers' max.message.bytes (1 MiB by default). */
  @Type(() => Number)
  @IsInt()
  @Min(1_024)
  OUTBOX_BATCH_MAX_BYTES = DEFAULT_OUTBOX_OPTIONS.batchMaxBytes;

  /** HS256 key shared with the token issuer; outside development and test it must be a real secret (or AUTH_JWKS_URL used instead). */
  @IsOptional()
  @IsString()
  AUTH_JWT_SECRET?: string;

  /** The identity provider's JSON Web Key Set: RS256/ES256 tokens are verified against it. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  /** `iss` every token must carry; required in production. */
  @IsOptional()
  @IsString()
  AUTH_ISSUER?: string;

  /** `aud` every token must carry; required in production. */
  @IsOptional()
  @IsString()
  AUTH_AUDIENCE?: string;

  /** The longest lifetime (exp − iat) a token may have. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  AUTH_MAX_TOKEN_LIFETIME_SECONDS = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;

  /** The key applicant ids are derived with (HMAC); the same on every service that derives them. Required in production where used. */
  @IsOptional()
  @IsString()
  APPLICANT_ID_KEY?: string;

  /** Requests per minute to the public endpoints (catalogue, forms, guides, sign-in, verification) from one address. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PUBLIC_PER_MINUTE = 600;

  /** Uploads per minute by one signed-in subject. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_UPLOADS_PER_MINUTE = 60;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The official working-day calendar (libs/workdays/README.md) for years the holiday package does not know yet; checked at boot. */
  @IsOptional()
  @IsString()
  @IsWorkdaysCalendarFile()
  WORKDAYS_CALENDAR_FILE?: string;

  /** Browser origins allowed to call the API across origins (the web front the portal serves), comma-separated. */
  @Matches(ORIGIN_LIST, { message: 'CORS_ORIGINS must be comma-separated origins such as http://127.0.0.1:3000 (scheme, host and optional port; no path)' })
  CORS_ORIGINS = 'http://127.0.0.1:3000,http://localhost:3000';

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }

  /** TLS and SASL for the service's Kafka clients (the CA file read now). */
  get kafkaSecurity(): KafkaSecurity {
    return kafkaSecurityOf({
      ssl: this.KAFKA_SSL,
      caFile: this.KAFKA_SSL_CA_FILE,
      saslMechanism: this.KAFKA_SASL_MECHANISM,
      saslUsername: this.KAFKA_SASL_USERNAME,
      saslPassword: this.KAFKA_SASL_PASSWORD,
    });
  }

  get corsOrigins(): string[] {
    // Browsers send the scheme and host in lower case, and the origin is compared as a string.
    return this.CORS_ORIGINS.split(',').map((origin) => origin.trim().toLowerCase());
  }

  /** Other origins a browser page this service serves may fetch from (its content security policy); none unless it serves one. */
  get browserConnectOrigins(): string[] {
    return [];
  }

  get isProduction(): boolean {
    return !isLocalEnvironment(this.NODE_ENV);
  }

  /** How tokens are verified; throws naming every setting production lacks. */
  get tokenVerification(): TokenVerification {
    return resolveTokenVerification({
      nodeEnv: this.NODE_ENV,
      secret: this.AUTH_JWT_SECRET,
      jwksUrl: this.AUTH_JWKS_URL,
      issuer: this.AUTH_ISSUER,
      audience: this.AUTH_AUDIENCE,
      maxLifetimeSeconds: this.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    });
  }
}

export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';
}

/**
 * Reads the declared settings from `env` over `defaults`, validates them and stops with one
 * message naming every bad or missing variable.
 */
export function loadConfig<T extends ServiceConfig>(
  type: new () => T,
  env: NodeJS.ProcessEnv,
  defaults: Readonly<Record<string, string | number>>,
): T {
  const declared = new Set(getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).map((m) => m.propertyName));
  const plain: Record<string, unknown> = { ...defaults };
  for (const name of declared) {
    const value = env[name];
    if (value !== undefined && value !== '') plain[name] = value;
  }
  const config = plainToInstance(type, plain);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigValidationError(`invalid configuration: ${errors.map(describeError).join('; ')}`);
  }
  return config;
}

function describeError(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join(', ');
  return `${error.property} (${reasons})`;
}
