import { createHash } from 'node:crypto';
import { socialSecurityNumber } from './social-security-number.rules';
import { SocialSecurityErrorCode } from './social-security.exception';

describe(socialSecurityNumber.name, () => {
  it('gives the same person the same number every time', () => {
    expect(socialSecurityNumber('applicant-0001', 'DEU')).toBe(socialSecurityNumber('applicant-0001', 'DEU'));
  });

  it('gives different people different numbers', () => {
    expect(socialSecurityNumber('applicant-0001', 'DEU')).not.toBe(socialSecurityNumber('applicant-0002', 'DEU'));
  });

  it('derives the digest from the applicant id', () => {
    const digest = createHash('sha256').update('social-security:applicant-0001').digest('hex').slice(0, 16).toUpperCase();
    expect(socialSecurityNumber('applicant-0001', 'DEU')).toBe(`DEU-371000-${digest}`);
  });

  it('writes the nationality, Weihai’s division code and 16 hexadecimal characters', () => {
    expect(socialSecurityNumber('applicant-0001', 'USA')).toMatch(/^USA-371000-[0-9A-F]{16}$/);
  });

  it('refuses an empty applicant id', () => {
    expect(() => socialSecurityNumber('', 'DEU')).toThrow(expect.objectContaining({ code: SocialSecurityErrorCode.InvalidArgument }));
  });
});
