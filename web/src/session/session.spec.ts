import { homeOf, sessionFromToken, verifiedFormValues } from './session';

function tokenOf(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

describe('sessionFromToken', () => {
  const now = Date.UTC(2026, 10, 29);
  const exp = now / 1000 + 3600;

  it('reads subject, role, agency and expiry from the claims', () => {
    const session = sessionFromToken(tokenOf({ sub: 'officer-7', role: 'officer', agency: 'psb', exp }), now);
    expect(session).toMatchObject({ subject: 'officer-7', role: 'officer', agency: 'psb', expiresAt: exp * 1000 });
  });

  it("reads an applicant's verified identity and an employer's credit code", () => {
    expect(sessionFromToken(tokenOf({ sub: 'a', role: 'applicant', passportNo: 'C01X00T47', nationality: 'DEU', exp }), now)?.identity).toEqual({ passportNo: 'C01X00T47', nationality: 'DEU' });
    expect(sessionFromToken(tokenOf({ sub: 'e', role: 'employer', uscc: '91371000MA3C5LXX0F', exp }), now)?.uscc).toBe('91371000MA3C5LXX0F');
  });

  it('decodes non-ASCII subjects', () => {
    expect(sessionFromToken(tokenOf({ sub: '王芳', role: 'clerk', exp }), now)?.subject).toBe('王芳');
  });

  it('refuses an expired token', () => {
    expect(sessionFromToken(tokenOf({ sub: 'a', role: 'applicant', exp: now / 1000 - 1 }), now)).toBeNull();
  });

  it('refuses malformed tokens and claims', () => {
    expect(sessionFromToken('not-a-jwt', now)).toBeNull();
    expect(sessionFromToken('a.%%%.c', now)).toBeNull();
    expect(sessionFromToken(tokenOf({ role: 'applicant', exp }), now)).toBeNull();
  });
});

describe('homeOf', () => {
  it('sends each role to its own start page', () => {
    const session = (role: string) => ({ token: 't', subject: 's', role, expiresAt: 0 }) as never;
    expect(homeOf(session('officer'))).toBe('/officer');
    expect(homeOf(session('analyst'))).toBe('/analyst');
    expect(homeOf(session('clerk'))).toBe('/clerk');
    expect(homeOf(session('applicant'))).toBe('/cases');
    expect(homeOf(null)).toBe('/');
  });
});

describe('verifiedFormValues', () => {
  const base = { token: 't', subject: 's', expiresAt: 0 };

  it("fixes an applicant's passport and nationality, and an employer's credit code", () => {
    expect(verifiedFormValues({ ...base, role: 'applicant', identity: { passportNo: 'C01X00T47', nationality: 'DEU' } })).toEqual({ 'applicant.passportNo': 'C01X00T47', 'applicant.nationality': 'DEU' });
    expect(verifiedFormValues({ ...base, role: 'employer', uscc: '91371000MA3C5LXX0F' })).toEqual({ 'employer.uscc': '91371000MA3C5LXX0F' });
  });

  it('fixes nothing for a clerk, who files for walk-ins', () => {
    expect(verifiedFormValues({ ...base, role: 'clerk' })).toEqual({});
    expect(verifiedFormValues(null)).toEqual({});
  });
});
