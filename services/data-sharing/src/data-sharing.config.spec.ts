import 'reflect-metadata';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { DataSharingConfig } from './data-sharing.config';
import { DataSharingService } from './data-sharing.service';
import { LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY } from './record/audit/audit-chain-key';

const load = (env: NodeJS.ProcessEnv) => loadConfig(DataSharingConfig, env, serviceConfigDefaults(DataSharingService));

describe(DataSharingConfig.name, () => {
  it('chains the access log with the local key in development and test, and publishes its head every minute', () => {
    const config = load({ NODE_ENV: 'test' });
    expect(config.auditChainKey).toBe(LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY);
    expect(config.AUDIT_HEAD_PUBLISH_INTERVAL_MS).toBe(60_000);
  });

  it('does not start in production (or with NODE_ENV unset) without a real AUDIT_CHAIN_KEY', () => {
    expect(() => load({})).toThrow(/AUDIT_CHAIN_KEY/);
    expect(() => load({ NODE_ENV: 'production', AUDIT_CHAIN_KEY: 'short' })).toThrow(/AUDIT_CHAIN_KEY/);
    expect(load({ NODE_ENV: 'production', AUDIT_CHAIN_KEY: 'x'.repeat(40) }).auditChainKey).toBe('x'.repeat(40));
  });

  it('names a bad interval', () => {
    expect(() => load({ NODE_ENV: 'test', AUDIT_VERIFY_INTERVAL_MS: '5' })).toThrow(/AUDIT_VERIFY_INTERVAL_MS/);
  });
});
