import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeKafkaSecurity, kafkajsSecurityOf, kafkaSecurityFromEnv, kafkaSecurityOf, KafkaSecuritySettingsError } from './kafka-security';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function caFile(content = PEM): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kafka-ca-')), 'ca.pem');
  writeFileSync(file, content);
  return file;
}

describe('Kafka security settings', () => {
  it('is plaintext and anonymous when nothing is set', () => {
    expect(kafkaSecurityFromEnv({})).toEqual({});
    expect(kafkajsSecurityOf(kafkaSecurityFromEnv({}))).toEqual({});
    expect(kafkajsSecurityOf(undefined)).toEqual({});
    expect(describeKafkaSecurity({})).toBe('PLAINTEXT');
  });

  it('maps SASL/SCRAM over TLS with its own CA onto the client', () => {
    const file = caFile();
    const security = kafkaSecurityFromEnv({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: file,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'portal',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(security).toEqual({ tls: { ca: PEM }, sasl: { mechanism: 'scram-sha-512', username: 'portal', password: 's3cret' } });
    expect(kafkajsSecurityOf(security)).toEqual({
      ssl: { ca: [PEM], rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: 'portal', password: 's3cret' },
    });
  });

  it.each(['scram-sha-256', 'plain'] as const)('takes the %s mechanism, over plaintext', (mechanism) => {
    const security = kafkaSecurityOf({ saslMechanism: mechanism, saslUsername: 'u', saslPassword: 'p' });
    expect(kafkajsSecurityOf(security)).toEqual({ sasl: { mechanism, username: 'u', password: 'p' } });
  });

  it("uses Node's certificate authorities with TLS and no CA file", () => {
    expect(kafkajsSecurityOf(kafkaSecurityFromEnv({ KAFKA_SSL: 'true' }))).toEqual({ ssl: true });
  });

  it('names the missing user and password with a mechanism, never quoting a password', () => {
    expect(() => kafkaSecurityFromEnv({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(
      /KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM=scram-sha-512; KAFKA_SASL_PASSWORD is required/,
    );
    const withoutMechanism = () => kafkaSecurityFromEnv({ KAFKA_SASL_USERNAME: 'portal', KAFKA_SASL_PASSWORD: 'do-not-print-me' });
    expect(withoutMechanism).toThrow(/need KAFKA_SASL_MECHANISM/);
    expect(withoutMechanism).not.toThrow(/do-not-print-me/);
  });

  it('refuses an unknown mechanism and a KAFKA_SSL that is not a boolean', () => {
    const load = () => kafkaSecurityFromEnv({ KAFKA_SSL: 'yes', KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' });
    expect(load).toThrow(KafkaSecuritySettingsError);
    expect(load).toThrow(/KAFKA_SSL must be true or false; KAFKA_SASL_MECHANISM must be one of scram-sha-512, scram-sha-256, plain/);
  });

  it('reads the CA file at start and stops naming a missing or non-PEM one', () => {
    expect(() => kafkaSecurityFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nowhere/ca.pem' })).toThrow('KAFKA_SSL_CA_FILE: cannot read /nowhere/ca.pem (ENOENT)');
    const notPem = caFile('hello');
    expect(() => kafkaSecurityFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: notPem })).toThrow(`KAFKA_SSL_CA_FILE: ${notPem} holds no PEM certificate`);
    expect(() => kafkaSecurityFromEnv({ KAFKA_SSL_CA_FILE: caFile() })).toThrow(/KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true/);
  });

  it('describes the connection for logs without the password', () => {
    const security = kafkaSecurityOf({ ssl: true, saslMechanism: 'scram-sha-512', saslUsername: 'portal', saslPassword: 'hidden' });
    expect(describeKafkaSecurity(security)).toBe('SASL_SSL scram-sha-512 as portal');
    expect(describeKafkaSecurity(security)).not.toContain('hidden');
  });
});
