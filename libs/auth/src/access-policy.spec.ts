import { assertAccess } from './access-policy';
import { AuthExceptionCode } from './auth.exception';

describe(assertAccess.name, () => {
  it('admits anyone when nothing is required', () => {
    expect(() => assertAccess({ subject: 'a', role: 'applicant' }, {})).not.toThrow();
  });

  it('refuses a role outside the list', () => {
    expect(() => assertAccess({ subject: 'a', role: 'applicant' }, { roles: ['clerk'] })).toThrow(
      expect.objectContaining({ code: AuthExceptionCode.ROLE_NOT_ALLOWED }),
    );
  });

  it('refuses an officer of an agency outside the list', () => {
    expect(() => assertAccess({ subject: 'o', role: 'officer', agency: 'hrss' }, { agencies: ['psb', 'approval'] })).toThrow(
      expect.objectContaining({ code: AuthExceptionCode.AGENCY_NOT_ALLOWED }),
    );
  });

  it('refuses an officer without an agency when agencies are listed', () => {
    expect(() => assertAccess({ subject: 'o', role: 'officer' }, { agencies: ['psb'] })).toThrow(
      expect.objectContaining({ code: AuthExceptionCode.AGENCY_NOT_ALLOWED }),
    );
  });

  it('does not narrow other roles by agency', () => {
    expect(() => assertAccess({ subject: 'x', role: 'admin' }, { roles: ['admin'], agencies: ['psb'] })).not.toThrow();
  });
});
