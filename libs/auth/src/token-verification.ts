import { AuthException, AuthExceptionCode } from './auth.exception';

/** The secret local runs sign and verify with; only ever trusted when NODE_ENV says development or test. */
export const LOCAL_DEVELOPMENT_JWT_SECRET = 'weihai-local-development-secret';
/** `iss` and `aud` of the tokens local tooling signs (npm run token, the local sign-in, tests). */
export const LOCAL_TOKEN_ISSUER = 'weihai-local-sign-in';
export const LOCAL_TOKEN_AUDIENCE = 'work-in-weihai';
/** The longest a token may live (exp − iat) unless AUTH_MAX_TOKEN_LIFETIME_SECONDS says otherwise: one working day. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
// HS256 keys shorter than the hash add nothing but guessability (RFC 7518 §3.2).
const MIN_SECRET_LENGTH = 32;

/** How tokens are verified: by a shared HS256 secret, by the identity provider's JWKS (RS256/ES256), or both. */
export interface TokenVerification {
  hs256Secret?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
  maxLifetimeSeconds: number;
}

export interface AuthSettingsSource {
  nodeEnv: string | undefined;
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  maxLifetimeSeconds?: number;
}

/** Local development and tests, said explicitly; anything else (an unset NODE_ENV included) is production. */
export function isLocalEnvironment(nodeEnv: string | undefined): boolean {
  return nodeEnv === 'development' || nodeEnv === 'test';
}

/**
 * The verification settings, closed by default: outside an explicit development or test environment
 * the public development secret is never trusted, and the issuer, the audience and a key source must
 * all be configured; the service stops at boot with every problem named.
 */
export function resolveTokenVerification(source: AuthSettingsSource): TokenVerification {
  const secret = source.secret?.trim() ? source.secret : undefined;
  const jwksUrl = source.jwksUrl?.trim() ? source.jwksUrl : undefined;
  const issuer = source.issuer?.trim() ? source.issuer : undefined;
  const audience = source.audience?.trim() ? source.audience : undefined;
  const maxLifetimeSeconds = source.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (isLocalEnvironment(source.nodeEnv)) {
    return {
      ...(jwksUrl ? { jwksUrl } : {}),
      ...(secret || !jwksUrl ? { hs256Secret: secret ?? LOCAL_DEVELOPMENT_JWT_SECRET } : {}),
      issuer: issuer ?? LOCAL_TOKEN_ISSUER,
      audience: audience ?? LOCAL_TOKEN_AUDIENCE,
      maxLifetimeSeconds,
    };
  }
  const problems: string[] = [];
  if (!secret && !jwksUrl) problems.push('AUTH_JWKS_URL (the identity provider\'s keys) or AUTH_JWT_SECRET must be set');
  if (secret && secret.trim() === LOCAL_DEVELOPMENT_JWT_SECRET) problems.push('AUTH_JWT_SECRET must not be the public local development secret');
  else if (secret && secret.length < MIN_SECRET_LENGTH) problems.push(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  if (!issuer) problems.push('AUTH_ISSUER must be set (the identity provider\'s iss)');
  if (!audience) problems.push('AUTH_AUDIENCE must be set (the aud tokens for this platform carry)');
  if (problems.length > 0 || !issuer || !audience) {
    throw new AuthException(AuthExceptionCode.INSECURE_CONFIGURATION, `NODE_ENV is ${source.nodeEnv ?? 'unset (production)'}: ${problems.join('; ')}`);
  }
  return { ...(secret ? { hs256Secret: secret } : {}), ...(jwksUrl ? { jwksUrl } : {}), issuer, audience, maxLifetimeSeconds };
}
