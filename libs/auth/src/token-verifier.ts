import { AuthException, AuthExceptionCode } from './auth.exception';
import type { TokenVerification } from './token-verification';

type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });
type KeyResolver = Parameters<Jose['jwtVerify']>[1];

// Absorbs small clock differences between the identity provider and the services.
const CLOCK_TOLERANCE_SECONDS = 5;
const ASYMMETRIC_ALGORITHMS = ['RS256', 'ES256'];

// jose is published as ES modules only; a dynamic import loads it from this CommonJS build.
let jose: Promise<Jose> | undefined;
const loadJose = (): Promise<Jose> => (jose ??= import('jose'));

/**
 * Verifies a bearer token's signature (HS256 by the shared secret, RS256/ES256 by the identity
 * provider's JWKS), its issuer and audience, and that it is alive and does not live longer than allowed.
 * Answers its claims, or throws an AuthException saying what is wrong.
 */
export class TokenVerifier {
  private keys: Promise<KeyResolver> | undefined;

  constructor(private readonly settings: TokenVerification) {}

  async claimsOf(token: string): Promise<Record<string, unknown>> {
    const { jwtVerify, errors } = await loadJose();
    const { issuer, audience, maxLifetimeSeconds } = this.settings;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.keyResolver(), {
        issuer,
        audience,
        algorithms: this.algorithms(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: maxLifetimeSeconds,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw invalid('the bearer token has expired');
      if (error instanceof errors.JWTClaimValidationFailed) throw invalid(`the bearer token's ${error.claim} claim is not accepted (${error.reason})`);
      // fetch() failing (connection refused, DNS) rejects with a TypeError, from another realm under test runners.
      if (error instanceof errors.JWKSTimeout || (error as { name?: unknown } | null)?.name === 'TypeError') {
        throw new AuthException(AuthExceptionCode.KEYS_UNAVAILABLE, 'the identity provider\'s keys cannot be fetched just now; try again shortly');
      }
      throw invalid('the bearer token is invalid');
    }
    const lifetime = (payload.exp as number) - (payload.iat as number);
    if (lifetime > maxLifetimeSeconds) throw invalid(`the bearer token lives ${lifetime} s; at most ${maxLifetimeSeconds} s are accepted`);
    return payload;
  }

  private algorithms(): string[] {
    return [...(this.settings.hs256Secret ? ['HS256'] : []), ...(this.settings.jwksUrl ? ASYMMETRIC_ALGORITHMS : [])];
  }

  private keyResolver(): Promise<KeyResolver> {
    return (this.keys ??= loadJose().then(({ createRemoteJWKSet, errors }) => {
      const secret = this.settings.hs256Secret ? new TextEncoder().encode(this.settings.hs256Secret) : undefined;
      const remote = this.settings.jwksUrl ? createRemoteJWKSet(new URL(this.settings.jwksUrl)) : undefined;
      // The algorithm list above already refuses an alg without its key source; this picks the key.
      return (header, input) => {
        if (header.alg === 'HS256' && secret) return secret;
        if (remote) return remote(header, input);
        throw new errors.JOSENotSupported(`no key for algorithm ${header.alg}`);
      };
    }));
  }
}

function invalid(message: string): AuthException {
  return new AuthException(AuthExceptionCode.INVALID_TOKEN, message);
}
