import { signToken } from './sign-token';
import { LOCAL_TOKEN_AUDIENCE, LOCAL_TOKEN_ISSUER } from './token-verification';
import { TokenVerifier } from './token-verifier';

const SECRET = 'token-verifier-spec-secret-of-enough-length';
const SETTINGS = { hs256Secret: SECRET, issuer: LOCAL_TOKEN_ISSUER, audience: LOCAL_TOKEN_AUDIENCE, maxLifetimeSeconds: 3_600 };

describe(TokenVerifier.name, () => {
  let clock: number;
  let verifier: TokenVerifier;
  /** Each full check of a token: its signature, issuer, audience, expiry and age. */
  let checks: jest.SpyInstance;

  beforeEach(() => {
    clock = Date.now();
    verifier = new TokenVerifier(SETTINGS, () => clock);
    checks = jest.spyOn(verifier as unknown as { verify: () => Promise<unknown> }, 'verify');
  });

  const token = (expiresInSeconds = 600, secret = SECRET) => signToken(secret, { subject: 'employer-1', role: 'employer', uscc: '91371000MA3C5LXX0F', expiresInSeconds });

  it('checks a token once, then takes it as verified for a minute', async () => {
    const bearer = token();
    for (let i = 0; i < 3; i += 1) expect(await verifier.claimsOf(bearer)).toMatchObject({ sub: 'employer-1', role: 'employer' });
    expect(checks).toHaveBeenCalledTimes(1);
    clock += 59_000;
    await verifier.claimsOf(bearer);
    expect(checks).toHaveBeenCalledTimes(1);
    clock += 2_000;
    await verifier.claimsOf(bearer);
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('refuses a token it remembered once the token has expired', async () => {
    const bearer = token(30);
    await verifier.claimsOf(bearer);
    // Past its expiry and the five seconds of clock tolerance, well inside the minute of trust.
    clock += 36_000;
    await expect(verifier.claimsOf(bearer)).rejects.toThrow('the bearer token has expired');
  });

  it('remembers no refused token', async () => {
    const forged = token(600, 'another-secret-of-the-same-good-length!!');
    await expect(verifier.claimsOf(forged)).rejects.toThrow('the bearer token is invalid');
    await expect(verifier.claimsOf(forged)).rejects.toThrow('the bearer token is invalid');
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('gives every caller claims of its own', async () => {
    const bearer = token();
    const first = await verifier.claimsOf(bearer);
    first.role = 'clerk';
    expect((await verifier.claimsOf(bearer)).role).toBe('employer');
  });
});
