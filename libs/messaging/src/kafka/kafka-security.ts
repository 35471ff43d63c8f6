import { readFileSync } from 'node:fs';
import type { KafkaConfig, SASLOptions } from 'kafkajs';

export const SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** How a client proves itself to the brokers and protects the connection; the library's own terms, not the client's. */
export interface KafkaSecurity {
  /** TLS to the brokers; `ca` (PEM) is trusted instead of Node's default certificate authorities when given. */
  tls?: { ca?: string };
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
}

/** The settings as a service's configuration holds them (KAFKA_SSL, KAFKA_SSL_CA_FILE, KAFKA_SASL_*). */
export interface KafkaSecuritySettings {
  ssl?: boolean;
  caFile?: string;
  saslMechanism?: SaslMechanism;
  saslUsername?: string;
  saslPassword?: string;
}

export class KafkaSecuritySettingsError extends Error {
  override readonly name = 'KafkaSecuritySettingsError';
}

/**
 * The security a client connects with: reads the CA file now (a missing or unreadable file stops
 * the start naming KAFKA_SSL_CA_FILE) and asks for the SASL user and password with the mechanism.
 */
export function kafkaSecurityOf(settings: KafkaSecuritySettings): KafkaSecurity {
  const problems = kafkaSecurityProblems(settings);
  if (problems.length > 0) throw new KafkaSecuritySettingsError(`invalid Kafka security settings: ${problems.join('; ')}`);
  const security: KafkaSecurity = {};
  if (settings.ssl) security.tls = settings.caFile ? { ca: readCaFile(settings.caFile) } : {};
  const { saslMechanism: mechanism, saslUsername: username, saslPassword: password } = settings;
  if (mechanism && username && password) security.sasl = { mechanism, username, password };
  return security;
}

/** What is wrong with the settings, each naming its variable (no password is ever quoted). */
export function kafkaSecurityProblems(settings: KafkaSecuritySettings): string[] {
  const problems: string[] = [];
  if (settings.caFile && !settings.ssl) problems.push('KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true');
  if (settings.saslMechanism) {
    if (!settings.saslUsername) problems.push(`KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM=${settings.saslMechanism}`);
    if (!settings.saslPassword) problems.push(`KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM=${settings.saslMechanism}`);
  } else if (settings.saslUsername || settings.saslPassword) {
    problems.push('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD need KAFKA_SASL_MECHANISM (scram-sha-512, scram-sha-256 or plain)');
  }
  return problems;
}

/**
 * The same settings for a script or tool that is not a service (bench, data-sharing's scripts run
 * through the service's own configuration instead): KAFKA_SSL, KAFKA_SSL_CA_FILE, KAFKA_SASL_MECHANISM,
 * KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD. Throws naming every bad variable.
 */
export function kafkaSecurityFromEnv(env: Readonly<Record<string, string | undefined>>): KafkaSecurity {
  const problems: string[] = [];
  const value = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const ssl = value('KAFKA_SSL');
  if (ssl !== undefined && !['true', 'false'].includes(ssl)) problems.push('KAFKA_SSL must be true or false');
  const mechanism = value('KAFKA_SASL_MECHANISM');
  if (mechanism !== undefined && !isSaslMechanism(mechanism)) problems.push(`KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')}`);
  const settings: KafkaSecuritySettings = {
    ssl: ssl === 'true',
    caFile: value('KAFKA_SSL_CA_FILE'),
    saslMechanism: mechanism !== undefined && isSaslMechanism(mechanism) ? mechanism : undefined,
    saslUsername: value('KAFKA_SASL_USERNAME'),
    saslPassword: value('KAFKA_SASL_PASSWORD'),
  };
  problems.push(...(mechanism !== undefined && !isSaslMechanism(mechanism) ? [] : kafkaSecurityProblems(settings)));
  if (problems.length > 0) throw new KafkaSecuritySettingsError(`invalid Kafka security settings: ${problems.join('; ')}`);
  return kafkaSecurityOf(settings);
}

export function isSaslMechanism(value: string): value is SaslMechanism {
  return (SASL_MECHANISMS as readonly string[]).includes(value);
}

/** For logs: the protocol and user, never the password. */
export function describeKafkaSecurity(security: KafkaSecurity | undefined): string {
  const protocol = `${security?.sasl ? 'SASL_' : ''}${security?.tls ? 'SSL' : 'PLAINTEXT'}`;
  const tls = security?.tls?.ca ? ' (own CA)' : '';
  return security?.sasl ? `${protocol}${tls} ${security.sasl.mechanism} as ${security.sasl.username}` : `${protocol}${tls}`;
}

/** The client's terms for the same settings; stays inside this library. */
export function kafkajsSecurityOf(security: KafkaSecurity | undefined): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const config: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (security?.tls) config.ssl = security.tls.ca ? { ca: [security.tls.ca], rejectUnauthorized: true } : true;
  if (security?.sasl) {
    const { mechanism, username, password } = security.sasl;
    config.sasl = { mechanism, username, password } as SASLOptions;
  }
  return config;
}

function readCaFile(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KafkaSecuritySettingsError(`KAFKA_SSL_CA_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new KafkaSecuritySettingsError(`KAFKA_SSL_CA_FILE: ${file} holds no PEM certificate`);
  return pem;
}
