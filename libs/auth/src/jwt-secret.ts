import { AuthException, AuthExceptionCode } from './auth.exception';

/** The secret local runs sign and verify with when AUTH_JWT_SECRET is unset; `npm run token` uses it too. */
export const LOCAL_DEVELOPMENT_JWT_SECRET = 'weihai-local-development-secret';

export interface JwtSecretSource {
  nodeEnv: string | undefined;
  secret: string | undefined;
}

/**
 * The HS256 secret to verify tokens with. Outside production a missing secret falls back to the
 * local development default; in production a missing one, or that publicly known default, stops the
 * service at boot.
 */
export function resolveJwtSecret({ nodeEnv, secret }: JwtSecretSource): string {
  const given = secret?.trim() ? secret : undefined;
  if (nodeEnv !== 'production') return given ?? LOCAL_DEVELOPMENT_JWT_SECRET;
  if (given === undefined) {
    throw new AuthException(AuthExceptionCode.MISSING_SECRET, 'AUTH_JWT_SECRET must be set in production');
  }
  if (given.trim() === LOCAL_DEVELOPMENT_JWT_SECRET) {
    throw new AuthException(AuthExceptionCode.INSECURE_SECRET, 'AUTH_JWT_SECRET must not be the local development default in production');
  }
  return given;
}
