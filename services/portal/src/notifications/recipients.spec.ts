import { callerOf } from '../cases/case-parties';
import { inboxOf, recipientsOf } from './recipients';

const USCC = '91371000MA3C5LXX0F';
const body = { applicant: { email: 'li.wei@example.com' } };
const ids = { of: (nationality: string, passportNo: string) => `ap_${nationality}_${passportNo}` };

describe(recipientsOf.name, () => {
  it("tells the applicant in the inbox of their identity and by email, and the employer the form names in its credit code's inbox", () => {
    expect(recipientsOf({ applicantId: 'ap_DEU_C01X00T47', employerUscc: USCC, body })).toEqual([
      { key: 'applicant:ap_DEU_C01X00T47', role: 'applicant', email: 'li.wei@example.com' },
      { key: `employer:${USCC}`, role: 'employer', email: null },
    ]);
  });

  it('keeps the applicant’s inbox without an email address, and tells no employer when the form names none', () => {
    expect(recipientsOf({ applicantId: 'ap_1', employerUscc: null, body: { applicant: { email: 'not an address' } } })).toEqual([{ key: 'applicant:ap_1', role: 'applicant', email: null }]);
  });
});

describe(inboxOf.name, () => {
  it('opens the inbox a case’s notices go to for the applicant and the employer it names, whoever filed it', () => {
    const file = { applicantId: 'ap_DEU_C01X00T47', employerUscc: USCC, body };
    const [toApplicant, toEmployer] = recipientsOf(file);
    expect(inboxOf(callerOf({ subject: 'any', role: 'applicant', identity: { passportNo: 'C01X00T47', nationality: 'DEU' } }, ids))).toEqual({ key: toApplicant.key, role: 'applicant' });
    expect(inboxOf(callerOf({ subject: 'hr-2', role: 'employer', uscc: USCC }, ids))).toEqual({ key: toEmployer.key, role: 'employer' });
  });

  it('has no inbox for a clerk', () => {
    expect(inboxOf(callerOf({ subject: 'c', role: 'clerk' }, ids))).toBeUndefined();
  });
});
