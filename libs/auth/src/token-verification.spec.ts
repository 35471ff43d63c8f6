import { AuthExceptionCode } from './auth.exception';
import { LOCAL_DEVELOPMENT_JWT_SECRET, LOCAL_TOKEN_AUDIENCE, LOCAL_TOKEN_ISSUER, resolveTokenVerification } from './token-verification';

const REAL_SECRET = 'a-real-secret-of-at-least-thirty-two-characters';
const PRODUCTION = { issuer: 'https://idp.shandong.example', audience: 'work-in-weihai' };

describe(resolveTokenVerification.name, () => {
  it.each([undefined, 'production', 'staging'])('treats NODE_ENV=%s as production: no secret or key source stops the service', (nodeEnv) => {
    expect(() => resolveTokenVerification({ nodeEnv, ...PRODUCTION })).toThrow(
      expect.objectContaining({ code: AuthExceptionCode.INSECURE_CONFIGURATION, message: expect.stringContaining('AUTH_JWKS_URL') }),
    );
  });

  it('never trusts the public development secret in production, even when it is set explicitly', () => {
    expect(() => resolveTokenVerification({ nodeEnv: undefined, secret: LOCAL_DEVELOPMENT_JWT_SECRET, ...PRODUCTION })).toThrow(/public local development secret/);
  });

  it('refuses a short secret in production', () => {
    expect(() => resolveTokenVerification({ nodeEnv: 'production', secret: 'short', ...PRODUCTION })).toThrow(/at least 32 characters/);
  });

  it('names every missing setting in production at once', () => {
    expect(() => resolveTokenVerification({ nodeEnv: 'production', secret: REAL_SECRET })).toThrow(/AUTH_ISSUER.*AUTH_AUDIENCE/);
  });

  it('accepts a JWKS URL alone in production, with no HS256 secret to forge with', () => {
    expect(resolveTokenVerification({ nodeEnv: 'production', jwksUrl: 'https://idp.example/jwks', ...PRODUCTION })).toEqual({
      jwksUrl: 'https://idp.example/jwks',
      ...PRODUCTION,
      maxLifetimeSeconds: 43_200,
    });
  });

  it('uses the local secret, issuer and audience only when development or test is said explicitly', () => {
    expect(resolveTokenVerification({ nodeEnv: 'development' })).toEqual({
      hs256Secret: LOCAL_DEVELOPMENT_JWT_SECRET,
      issuer: LOCAL_TOKEN_ISSUER,
      audience: LOCAL_TOKEN_AUDIENCE,
      maxLifetimeSeconds: 43_200,
    });
  });

  it('prefers what is configured outside production, and a JWKS alone means no HS256', () => {
    expect(resolveTokenVerification({ nodeEnv: 'test', jwksUrl: 'http://127.0.0.1:1/jwks', maxLifetimeSeconds: 60 })).toEqual({
      jwksUrl: 'http://127.0.0.1:1/jwks',
      issuer: LOCAL_TOKEN_ISSUER,
      audience: LOCAL_TOKEN_AUDIENCE,
      maxLifetimeSeconds: 60,
    });
  });
});
