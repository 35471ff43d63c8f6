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

  it('reads an applicant with the verified identity, without an agency property', () => {
    expect(principalFromClaims({ sub: 'applicant-1', role: 'applicant', passportNo: 'E12345678', nationality: 'GBR' })).toStrictEqual({
      subject: 'applicant-1',
      role: 'applicant',
      identity: { passportNo: 'E12345678', nationality: 'GBR' },
    });
  });

  it('reads an employer with its verified credit code', () => {
    expect(principalFromClaims({ sub: 'employer-1', role: 'employer', uscc: '91371000MA3C5LXX0F' })).toStrictEqual({
      subject: 'employer-1',
      role: 'employer',
      uscc: '91371000MA3C5LXX0F',
    });
  });

  it('ignores identity claims on roles that do not act as a person or employer', () => {
    expect(principalFromClaims({ sub: 'clerk-1', role: 'clerk', passportNo: 'E12345678', nationality: 'GBR', uscc: 'x' })).toStrictEqual({ subject: 'clerk-1', role: 'clerk' });
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
    ['an applicant without a passport number', { sub: 'x', role: 'applicant', nationality: 'GBR' }, /claim passportNo/],
    ['an applicant with a malformed passport number', { sub: 'x', role: 'applicant', passportNo: 'E1-2', nationality: 'GBR' }, /claim passportNo/],
    ['an applicant without a nationality', { sub: 'x', role: 'applicant', passportNo: 'E12345678' }, /claim nationality/],
    ['an applicant with a lower-case nationality', { sub: 'x', role: 'applicant', passportNo: 'E12345678', nationality: 'gbr' }, /claim nationality/],
    ['an employer without a credit code', { sub: 'x', role: 'employer' }, /claim uscc/],
    ['an employer with a malformed credit code', { sub: 'x', role: 'employer', uscc: '91371000MA3C5LXX0O' }, /claim uscc/],
  ])('rejects %s as an invalid token naming the claim', (_label, claims, message) => {
    expect(() => principalFromClaims(claims)).toThrow(
      expect.objectContaining({ name: AuthException.name, code: AuthExceptionCode.INVALID_TOKEN, message: expect.stringMatching(message) }),
    );
  });
});
