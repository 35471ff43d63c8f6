import { getCatalogue } from '@work-permit/catalogue';
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
    expect(() => registrationDeadline('2026-02-30', parameters)).toThrow(expect.objectContaining({ code: SocialSecurityErrorCode.InvalidArgument }));
  });
});
