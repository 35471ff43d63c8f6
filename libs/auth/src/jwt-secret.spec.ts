import { AuthExceptionCode } from './auth.exception';
import { LOCAL_DEVELOPMENT_JWT_SECRET, resolveJwtSecret } from './jwt-secret';

describe(resolveJwtSecret.name, () => {
  it('refuses production without a secret, naming AUTH_JWT_SECRET', () => {
    expect(() => resolveJwtSecret({ nodeEnv: 'production', secret: undefined })).toThrow(
      expect.objectContaining({ code: AuthExceptionCode.MISSING_SECRET, message: expect.stringContaining('AUTH_JWT_SECRET') }),
    );
  });

  it('refuses production with an empty secret', () => {
    expect(() => resolveJwtSecret({ nodeEnv: 'production', secret: ' ' })).toThrow(/AUTH_JWT_SECRET/);
  });

  it('refuses production with the local development default', () => {
    expect(() => resolveJwtSecret({ nodeEnv: 'production', secret: LOCAL_DEVELOPMENT_JWT_SECRET })).toThrow(
      expect.objectContaining({ code: AuthExceptionCode.INSECURE_SECRET, message: expect.stringContaining('AUTH_JWT_SECRET') }),
    );
  });

  it('returns the configured secret in production', () => {
    expect(resolveJwtSecret({ nodeEnv: 'production', secret: 'a-real-secret' })).toBe('a-real-secret');
  });

  it('falls back to the local development default outside production', () => {
    expect(resolveJwtSecret({ nodeEnv: 'development', secret: undefined })).toBe('weihai-local-development-secret');
  });

  it('prefers the configured secret outside production', () => {
    expect(resolveJwtSecret({ nodeEnv: 'test', secret: 'configured' })).toBe('configured');
  });
});
