import { auditChainKeyOf, auditChainKeyProblem, LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY } from './audit-chain-key';

describe(auditChainKeyOf.name, () => {
  it('uses the local key only where development or test is said explicitly', () => {
    expect(auditChainKeyOf(undefined, 'test')).toBe(LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY);
    expect(auditChainKeyOf('', 'development')).toBe(LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY);
    expect(auditChainKeyOf('my own key', 'development')).toBe('my own key');
  });

  it('requires a real key of 32 characters or more otherwise', () => {
    const real = 'k'.repeat(32);
    expect(auditChainKeyOf(real, 'production')).toBe(real);
    for (const key of [undefined, '', 'short', LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY]) {
      expect(auditChainKeyProblem(key, 'production')).toContain('AUDIT_CHAIN_KEY');
      expect(() => auditChainKeyOf(key, undefined)).toThrow(/AUDIT_CHAIN_KEY/);
    }
  });
});
