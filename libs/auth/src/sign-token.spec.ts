import { decode, verify } from 'jsonwebtoken';
import { principalFromClaims } from './principal';
import { signToken } from './sign-token';

describe(signToken.name, () => {
  it('signs with HS256 claims the principal can be read back from', () => {
    const token = signToken('secret', { subject: 'officer-7', role: 'officer', agency: 'psb' });

    expect(decode(token, { complete: true })?.header.alg).toBe('HS256');
    expect(principalFromClaims(verify(token, 'secret', { algorithms: ['HS256'] }))).toEqual({ subject: 'officer-7', role: 'officer', agency: 'psb' });
  });

  it('expires after the given number of seconds', () => {
    const claims = decode(signToken('secret', { subject: 'a', role: 'applicant', expiresInSeconds: 120 }), { json: true })!;

    expect(claims.exp! - claims.iat!).toBe(120);
  });
});
