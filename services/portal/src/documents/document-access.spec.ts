import type { Principal } from '@work-permit/auth';
import { CATALOGUE_2026_1 } from '@work-permit/catalogue';
import { type Caller, type CaseParties } from '../cases/case-parties';
import { type DocumentCase, mayReadDocument } from './document-access';

const parties: CaseParties = { applicantId: 'person-a', employerUscc: '91371000MA3C1234X5' };
const theCase: DocumentCase = { parties, itemAgencies: ['approval', 'psb'], catalogue: CATALOGUE_2026_1 };
const workPermitDecision = { issuer: 'approval', dataKeys: ['applicant.surname', 'applicant.givenNames', 'applicant.passportNo', 'permits.WORK_PERMIT'] };

const caller = (principal: Partial<Principal> & Pick<Principal, 'role'>, applicantId?: string): Caller => ({
  principal: { subject: 'someone', ...principal } as Principal,
  ...(applicantId ? { applicantId } : {}),
});

describe(mayReadDocument.name, () => {
  it('lets the case’s applicant and employer read it, by verified identity', () => {
    expect(mayReadDocument(caller({ role: 'applicant' }, 'person-a'), theCase, workPermitDecision)).toBe(true);
    expect(mayReadDocument(caller({ role: 'employer', uscc: parties.employerUscc! }), theCase, workPermitDecision)).toBe(true);
  });

  it('refuses another applicant and another employer', () => {
    expect(mayReadDocument(caller({ role: 'applicant' }, 'person-b'), theCase, workPermitDecision)).toBe(false);
    expect(mayReadDocument(caller({ role: 'employer', uscc: '91371000MA3C9999X5' }), theCase, workPermitDecision)).toBe(false);
  });

  it('lets clerks and admins read any, analysts none', () => {
    expect(mayReadDocument(caller({ role: 'clerk' }), theCase, workPermitDecision)).toBe(true);
    expect(mayReadDocument(caller({ role: 'admin' }), theCase, workPermitDecision)).toBe(true);
    expect(mayReadDocument(caller({ role: 'analyst', agency: 'bigdata' }), theCase, workPermitDecision)).toBe(false);
  });

  it('lets the issuing agency’s officer read it, and another agency’s officer whose scope releases all it shows', () => {
    expect(mayReadDocument(caller({ role: 'officer', agency: 'approval' }), theCase, workPermitDecision)).toBe(true);
    expect(mayReadDocument(caller({ role: 'officer', agency: 'psb' }), theCase, workPermitDecision)).toBe(true);
  });

  it('refuses an officer whose agency has no item in the case, or whose scope does not release what it shows', () => {
    expect(mayReadDocument(caller({ role: 'officer', agency: 'hrss' }), theCase, workPermitDecision)).toBe(false);
    const hrssCase = { ...theCase, itemAgencies: ['approval', 'hrss'] };
    const criminalRecordNotice = { issuer: 'approval', dataKeys: ['applicant.surname', 'materials.NO_CRIMINAL_RECORD'] };
    expect(mayReadDocument(caller({ role: 'officer', agency: 'hrss' }), hrssCase, criminalRecordNotice)).toBe(false);
  });
});
