import type { Principal } from '@work-permit/auth';
import { getCatalogue } from '@work-permit/catalogue';
import { canSupplementCase, canViewCase, canWithdrawCase, seesWhoAccepted, visibleItems, visibleMaterials } from './case-access';
import type { Caller } from './case-parties';

const USCC = '91371000MA3C5LXX0F';
const parties = { applicantId: 'ap_alice', employerUscc: USCC };
const as = (role: Principal['role'], extra: Partial<Principal> & { applicantId?: string } = {}): Caller => {
  const { applicantId, ...principal } = extra;
  return { principal: { subject: 'x', role, ...principal }, ...(applicantId ? { applicantId } : {}) };
};

describe(canViewCase.name, () => {
  it('lets the applicant the case is for see it, and not another', () => {
    expect(canViewCase(as('applicant', { applicantId: 'ap_alice' }), parties, [])).toBe(true);
    expect(canViewCase(as('applicant', { applicantId: 'ap_bob' }), parties, [])).toBe(false);
  });

  it('lets the employer the case names see it, and not another', () => {
    expect(canViewCase(as('employer', { uscc: USCC }), parties, [])).toBe(true);
    expect(canViewCase(as('employer', { uscc: '91370000MA3C5LXX0X' }), parties, [])).toBe(false);
  });

  it('lets an officer see a case only when its agency has an item in it', () => {
    expect(canViewCase(as('officer', { agency: 'psb' }), parties, ['approval', 'psb'])).toBe(true);
    expect(canViewCase(as('officer', { agency: 'hrss' }), parties, ['approval', 'psb'])).toBe(false);
  });

  it('keeps analysts out of case files', () => {
    expect(canViewCase(as('analyst', { agency: 'bigdata' }), parties, ['approval'])).toBe(false);
  });
});

describe(visibleItems.name, () => {
  it("shows an officer only its agency's items", () => {
    const items = [{ agency: 'approval' }, { agency: 'psb' }];
    expect(visibleItems({ subject: 'o', role: 'officer', agency: 'psb' }, items)).toEqual([{ agency: 'psb' }]);
    expect(visibleItems({ subject: 'c', role: 'clerk' }, items)).toHaveLength(2);
  });
});

describe(visibleMaterials.name, () => {
  const materials = [{ code: 'PASSPORT' }, { code: 'NO_CRIMINAL_RECORD' }, { code: 'EMPLOYMENT_CONTRACT' }];

  it("shows an officer only the documents its agency's data scope releases", () => {
    expect(visibleMaterials({ subject: 'o', role: 'officer', agency: 'hrss' }, getCatalogue(), materials)).toEqual([{ code: 'PASSPORT' }, { code: 'EMPLOYMENT_CONTRACT' }]);
    expect(visibleMaterials({ subject: 'o', role: 'officer', agency: 'approval' }, getCatalogue(), materials)).toEqual(materials);
  });

  it('shows an officer nothing of a case whose catalogue version this build no longer has', () => {
    expect(visibleMaterials({ subject: 'o', role: 'officer', agency: 'approval' }, undefined, materials)).toEqual([]);
  });

  it('shows the parties and clerks every document', () => {
    expect(visibleMaterials({ subject: 'a', role: 'applicant' }, getCatalogue(), materials)).toEqual(materials);
    expect(visibleMaterials({ subject: 'c', role: 'clerk' }, undefined, materials)).toEqual(materials);
  });
});

describe(seesWhoAccepted.name, () => {
  it('tells clerks, officers and admins who accepted a window case, not the parties', () => {
    expect((['clerk', 'officer', 'admin'] as const).map((role) => seesWhoAccepted({ subject: 'x', role }))).toEqual([true, true, true]);
    expect((['applicant', 'employer', 'analyst'] as const).map((role) => seesWhoAccepted({ subject: 'x', role }))).toEqual([false, false, false]);
  });
});

describe(canWithdrawCase.name, () => {
  it('lets only a party withdraw, not a clerk', () => {
    expect(canWithdrawCase(as('employer', { uscc: USCC }), parties)).toBe(true);
    expect(canWithdrawCase(as('applicant', { applicantId: 'ap_alice' }), parties)).toBe(true);
    expect(canWithdrawCase(as('clerk'), parties)).toBe(false);
    expect(canWithdrawCase(as('applicant', { applicantId: 'ap_bob' }), parties)).toBe(false);
  });
});

describe(canSupplementCase.name, () => {
  it('lets a party or a clerk supplement, nobody else', () => {
    expect(canSupplementCase(as('clerk'), parties)).toBe(true);
    expect(canSupplementCase(as('applicant', { applicantId: 'ap_alice' }), parties)).toBe(true);
    expect(canSupplementCase(as('employer', { uscc: '91370000MA3C5LXX0X' }), parties)).toBe(false);
    expect(canSupplementCase(as('officer', { agency: 'psb' }), parties)).toBe(false);
  });
});
