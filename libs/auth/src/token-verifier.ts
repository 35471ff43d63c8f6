import { LRUCache } from 'lru-cache';
import { AuthException, AuthExceptionCode } from './auth.exception';
import type { TokenVerification } from './token-verification';

type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });
type KeyResolver = Parameters<Jose['jwtVerify']>[1];

// Absorbs small clock differences between the identity provider and the services.
const CLOCK_TOLERANCE_SECONDS = 5;
const ASYMMETRIC_ALGORITHMS = ['RS256', 'ES256'];
/**
 * How long a verified token is taken as verified before its signature is checked again: a key the
 * identity provider withdraws stops admitting its tokens within this time.
 */
const TRUSTED_FOR_MS = 60_000;
/** Verified tokens remembered at once, the least recently used dropped first. */
const REMEMBERED_TOKENS = 10_000;

interface VerifiedToken {
  claims: Readonly<Record<string, unknown>>;
  /** When it must be verified again (ms since the epoch): the trust period, or sooner its expiry or greatest age. */
  until: number;
}

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
  /**
   * Tokens verified lately: a client sends the same token with every request, and checking its
   * signature (an asynchronous WebCrypto job) was a millisecond of every request. Only tokens that
   * passed every check are kept, and none past its expiry.
   */
  private readonly verified = new LRUCache<string, VerifiedToken>({ max: REMEMBERED_TOKENS });

  constructor(
    private readonly settings: TokenVerification,
    private readonly now: () => number = Date.now,
  ) {}

  async claimsOf(token: string): Promise<Record<string, unknown>> {
    const now = this.now();
    const known = this.verified.get(token);
    if (known && now < known.until) return { ...known.claims };
    const claims = await this.verify(token, now);
    const { maxLifetimeSeconds } = this.settings;
    const expiresAt = ((claims.exp as number) + CLOCK_TOLERANCE_SECONDS) * 1_000;
    const tooOldAt = ((claims.iat as number) + maxLifetimeSeconds + CLOCK_TOLERANCE_SECONDS) * 1_000;
    this.verified.set(token, { claims: Object.freeze({ ...claims }), until: Math.min(now + TRUSTED_FOR_MS, expiresAt, tooOldAt) });
    return claims;
  }

  private async verify(token: string, now: number): Promise<Record<string, unknown>> {
    const { jwtVerify, errors } = await loadJose();
    const { issuer, audience, maxLifetimeSeconds } = this.settings;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.keyResolver(), {
        issuer,
        audience,
        algorithms: this.algorithms(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now),
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
