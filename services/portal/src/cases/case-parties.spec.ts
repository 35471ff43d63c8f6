import type { Principal } from '@work-permit/auth';
import { callerOf, employerUsccOf, isPartyTo, ownCasesKey } from './case-parties';

const USCC = '91371000MA3C5LXX0F';
const OTHER_USCC = '91370000MA3C5LXX0X';
const ids = { of: (nationality: string, passportNo: string) => `ap_${nationality}_${passportNo}` };
const applicant = (passportNo: string, nationality = 'DEU', subject = 'a-1'): Principal => ({ subject, role: 'applicant', identity: { passportNo, nationality } });
const employer = (uscc: string, subject = 'e-1'): Principal => ({ subject, role: 'employer', uscc });
const filedForAlice = { applicantId: 'ap_DEU_C01X00T47', employerUscc: USCC };

describe(callerOf.name, () => {
  it("derives an applicant's applicant id from the verified identity, and none for other roles", () => {
    expect(callerOf(applicant('C01X00T47'), ids).applicantId).toBe('ap_DEU_C01X00T47');
    expect(callerOf(employer(USCC), ids).applicantId).toBeUndefined();
    expect(callerOf({ subject: 'c', role: 'clerk' }, ids).applicantId).toBeUndefined();
  });
});

describe(isPartyTo.name, () => {
  it('makes the applicant whose identity the case names a party, whichever subject they sign in with and whoever filed it', () => {
    expect(isPartyTo(callerOf(applicant('C01X00T47', 'DEU', 'another-subject'), ids), filedForAlice)).toBe(true);
  });

  it('keeps out an applicant with another passport or nationality', () => {
    expect(isPartyTo(callerOf(applicant('C01X00T48'), ids), filedForAlice)).toBe(false);
    expect(isPartyTo(callerOf(applicant('C01X00T47', 'AUT'), ids), filedForAlice)).toBe(false);
  });

  it('makes the employer whose credit code the case names a party, and no other', () => {
    expect(isPartyTo(callerOf(employer(USCC, 'hr-2'), ids), filedForAlice)).toBe(true);
    expect(isPartyTo(callerOf(employer(OTHER_USCC), ids), filedForAlice)).toBe(false);
    expect(isPartyTo(callerOf(employer(USCC), ids), { ...filedForAlice, employerUscc: null })).toBe(false);
  });

  it('never makes a clerk, officer, analyst or admin a party', () => {
    for (const role of ['clerk', 'officer', 'analyst', 'admin'] as const) expect(isPartyTo({ principal: { subject: 'x', role, agency: 'psb' } }, filedForAlice)).toBe(false);
  });
});

describe(ownCasesKey.name, () => {
  it("finds an applicant's cases by applicant id and an employer's by credit code", () => {
    expect(ownCasesKey(callerOf(applicant('C01X00T47'), ids))).toEqual({ applicantId: 'ap_DEU_C01X00T47' });
    expect(ownCasesKey(callerOf(employer(USCC), ids))).toEqual({ employerUscc: USCC });
    expect(ownCasesKey(callerOf({ subject: 'c', role: 'clerk' }, ids))).toBeUndefined();
  });
});

describe(employerUsccOf.name, () => {
  it('reads the credit code of the form in upper case, and null without one', () => {
    expect(employerUsccOf({ employer: { uscc: '91371000ma3c5lxx0f' } })).toBe(USCC);
    expect(employerUsccOf({ employer: {} })).toBeNull();
    expect(employerUsccOf({})).toBeNull();
  });
});
