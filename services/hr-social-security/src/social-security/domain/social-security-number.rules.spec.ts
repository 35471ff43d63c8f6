import { socialSecurityNumber } from './social-security-number.rules';
import { SocialSecurityErrorCode } from './social-security.exception';

describe(socialSecurityNumber.name, () => {
  it('gives the same number for the same case every time', () => {
    expect(socialSecurityNumber('case-0001', 'DEU')).toBe(socialSecurityNumber('case-0001', 'DEU'));
  });

  it('gives different cases different numbers', () => {
    expect(socialSecurityNumber('case-0001', 'DEU')).not.toBe(socialSecurityNumber('case-0002', 'DEU'));
  });

  it('writes the nationality, Weihai’s division code and 16 hexadecimal characters', () => {
    expect(socialSecurityNumber('case-0001', 'USA')).toMatch(/^USA-371000-[0-9A-F]{16}$/);
  });

  it('refuses an empty case id', () => {
    expect(() => socialSecurityNumber('', 'DEU')).toThrow(expect.objectContaining({ code: SocialSecurityErrorCode.InvalidArgument }));
  });
});
