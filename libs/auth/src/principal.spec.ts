import { AuthException, AuthExceptionCode } from './auth.exception';
import { principalFromClaims } from './principal';

describe(principalFromClaims.name, () => {
  it('reads an officer with its agency', () => {
    expect(principalFromClaims({ sub: 'officer-7', role: 'officer', agency: 'psb', exp: 1 })).toEqual({
      subject: 'officer-7',
      role: 'officer',
      agency: 'psb',
    });
  });

  it('reads an analyst of the Big Data Bureau', () => {
    expect(principalFromClaims({ sub: 'analyst-1', role: 'analyst', agency: 'bigdata' })).toEqual({
      subject: 'analyst-1',
      role: 'analyst',
      agency: 'bigdata',
    });
  });

  it('reads an applicant without an agency property', () => {
    expect(principalFromClaims({ sub: 'applicant-1', role: 'applicant' })).toStrictEqual({ subject: 'applicant-1', role: 'applicant' });
  });

  it.each([
    ['claims that are not an object', 'header.payload', /claims must be a JSON object/],
    ['claims that are an array', ['sub'], /claims must be a JSON object/],
    ['a missing sub', { role: 'admin' }, /claim sub/],
    ['a blank sub', { sub: '  ', role: 'admin' }, /claim sub/],
    ['a missing role', { sub: 'x' }, /claim role/],
    ['an unknown role', { sub: 'x', role: 'root' }, /claim role/],
    ['an officer without an agency', { sub: 'x', role: 'officer' }, /claim agency is required for role officer/],
    ['an officer of an unknown agency', { sub: 'x', role: 'officer', agency: 'customs' }, /claim agency must be one of/],
    ['another role with an unknown agency', { sub: 'x', role: 'analyst', agency: 'customs' }, /claim agency must be one of/],
  ])('rejects %s as an invalid token naming the claim', (_label, claims, message) => {
    expect(() => principalFromClaims(claims)).toThrow(
      expect.objectContaining({ name: AuthException.name, code: AuthExceptionCode.INVALID_TOKEN, message: expect.stringMatching(message) }),
    );
  });
});
