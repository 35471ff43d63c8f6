import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError, loadConfig, ServiceConfig } from './service-config';

const defaults = { PORT: 3001, DATABASE_NAME: 'weihai_example' };
const load = (env: NodeJS.ProcessEnv) => loadConfig(ServiceConfig, env, defaults);

describe('Kafka security and provisioning settings', () => {
  it('defaults to plaintext, no SASL, and topics created at start', () => {
    const config = load({});
    expect(config.KAFKA_SSL).toBe(false);
    expect(config.KAFKA_PROVISION_TOPICS).toBe(true);
    expect(config.kafkaSecurity).toEqual({});
  });

  it('reads SASL/SCRAM over TLS with a CA file into the messaging library’s settings', () => {
    const ca = join(mkdtempSync(join(tmpdir(), 'kafka-ca-')), 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const config = load({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: ca,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'admin-approval',
      KAFKA_SASL_PASSWORD: 'pw',
      KAFKA_PROVISION_TOPICS: 'false',
    });
    expect(config.KAFKA_PROVISION_TOPICS).toBe(false);
    expect(config.kafkaSecurity).toEqual({
      tls: { ca: expect.stringContaining('BEGIN CERTIFICATE') },
      sasl: { mechanism: 'scram-sha-512', username: 'admin-approval', password: 'pw' },
    });
  });

  it('names the missing user and password when only the mechanism is set', () => {
    const attempt = () => load({ KAFKA_SASL_MECHANISM: 'scram-sha-512' });
    expect(attempt).toThrow(ConfigValidationError);
    expect(attempt).toThrow(/KAFKA_SASL_USERNAME \(KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM\); KAFKA_SASL_PASSWORD \(KAFKA_SASL_PASSWORD is required/);
  });

  it('names the password alone when only it is missing', () => {
    expect(() => load({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'portal' })).toThrow(/invalid configuration: KAFKA_SASL_PASSWORD \(KAFKA_SASL_PASSWORD is required/);
  });

  it('asks for the mechanism when a user and password come without it, never quoting the password', () => {
    const attempt = () => load({ KAFKA_SASL_USERNAME: 'portal', KAFKA_SASL_PASSWORD: 'do-not-print-me' });
    expect(attempt).toThrow(/KAFKA_SASL_MECHANISM \(KAFKA_SASL_MECHANISM must be one of scram-sha-512, scram-sha-256, plain/);
    expect(attempt).not.toThrow(/do-not-print-me/);
  });

  it('refuses an unknown mechanism and non-boolean switches', () => {
    expect(() => load({ KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p', KAFKA_SSL: 'yes', KAFKA_PROVISION_TOPICS: 'no' })).toThrow(
      /KAFKA_PROVISION_TOPICS \(KAFKA_PROVISION_TOPICS must be true or false\); KAFKA_SSL \(KAFKA_SSL must be true or false\).*KAFKA_SASL_MECHANISM/,
    );
  });

  it('stops at boot naming a CA file that cannot be read, or one given without TLS', () => {
    expect(() => load({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nowhere/ca.pem' })).toThrow(/KAFKA_SSL_CA_FILE \(KAFKA_SSL_CA_FILE: cannot read \/nowhere\/ca.pem \(ENOENT\)\)/);
    expect(() => load({ KAFKA_SSL_CA_FILE: '/nowhere/ca.pem' })).toThrow(/KAFKA_SSL_CA_FILE \(KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true\)/);
  });
});
