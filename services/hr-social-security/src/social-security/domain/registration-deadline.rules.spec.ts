import { getCatalogue, localize, message } from '@work-permit/catalogue';
import { registrationDeadline } from './registration-deadline.rules';
import { SocialSecurityErrorCode } from './social-security.exception';

const parameters = getCatalogue().parameters;

describe(registrationDeadline.name, () => {
  it('falls 30 calendar days after the work permit starts', () => {
    expect(registrationDeadline('2026-03-02', parameters)).toBe('2026-04-01');
  });

  it('reads the number of days from the parameters', () => {
    const shorter = { ...parameters, socialInsurance: { ...parameters.socialInsurance, registerWithinDaysOfPermit: 10 } };
    expect(registrationDeadline('2026-03-02', shorter)).toBe('2026-03-12');
  });

  it('rejects a start that is not a date', () => {
    const reason = message('social_security.input.not_a_date', { field: 'workPermit.validFrom', value: '"2026-02-30"' });
    expect(() => registrationDeadline('2026-02-30', parameters)).toThrow(expect.objectContaining({ code: SocialSecurityErrorCode.InvalidArgument, reason }));
    expect(localize(reason)).toEqual({
      zh: '工作许可有效期起始日须为真实日期（格式YYYY-MM-DD），收到"2026-02-30"',
      en: 'start of the work permit must be a real date written YYYY-MM-DD, got "2026-02-30"',
    });
  });
});
