import { decode, verify } from 'jsonwebtoken';
import { principalFromClaims } from './principal';
import { signToken } from './sign-token';
import { LOCAL_TOKEN_AUDIENCE, LOCAL_TOKEN_ISSUER } from './token-verification';

describe(signToken.name, () => {
  it('signs with HS256 claims the principal can be read back from, with the local issuer and audience', () => {
    const token = signToken('secret', { subject: 'officer-7', role: 'officer', agency: 'psb' });

    expect(decode(token, { complete: true })?.header.alg).toBe('HS256');
    const claims = verify(token, 'secret', { algorithms: ['HS256'], issuer: LOCAL_TOKEN_ISSUER, audience: LOCAL_TOKEN_AUDIENCE });
    expect(principalFromClaims(claims)).toEqual({ subject: 'officer-7', role: 'officer', agency: 'psb' });
  });

  it('carries an applicant\'s verified identity and an employer\'s credit code', () => {
    const applicant = verify(signToken('secret', { subject: 'a', role: 'applicant', passportNo: 'E12345678', nationality: 'GBR' }), 'secret');
    const employer = verify(signToken('secret', { subject: 'e', role: 'employer', uscc: '91371000MA3C5LXX0F' }), 'secret');

    expect(principalFromClaims(applicant).identity).toEqual({ passportNo: 'E12345678', nationality: 'GBR' });
    expect(principalFromClaims(employer).uscc).toBe('91371000MA3C5LXX0F');
  });

  it('expires after the given number of seconds', () => {
    const claims = decode(signToken('secret', { subject: 'a', role: 'admin', expiresInSeconds: 120 }), { json: true })!;

    expect(claims.exp! - claims.iat!).toBe(120);
  });
});
