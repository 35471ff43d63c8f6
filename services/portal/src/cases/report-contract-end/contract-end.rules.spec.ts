import type { Principal } from '@work-permit/auth';
import { canReportContractEnd, contractEndRefusal, endedOnProblem, reportTiming } from './contract-end.rules';

const parties = { applicantId: 'ap_1', employerUscc: '91370000MA3C5XXX0X' };
const as = (principal: Partial<Principal>, applicantId?: string) => ({ principal: principal as Principal, applicantId });
const granted = { status: 'granted', result: { permitNo: 'WP-1' } };

describe(canReportContractEnd.name, () => {
  it("takes the case's employer", () => {
    expect(canReportContractEnd(as({ role: 'employer', uscc: parties.employerUscc }), parties)).toBe(true);
  });

  it('takes a window clerk', () => {
    expect(canReportContractEnd(as({ role: 'clerk' }), parties)).toBe(true);
  });

  it('refuses another employer', () => {
    expect(canReportContractEnd(as({ role: 'employer', uscc: '91370000MA3C5YYY0Y' }), parties)).toBe(false);
  });

  it("refuses the case's own applicant: the law asks the employer", () => {
    expect(canReportContractEnd(as({ role: 'applicant' }, 'ap_1'), parties)).toBe(false);
  });
});

describe(contractEndRefusal.name, () => {
  it('takes a report for a granted permit', () => {
    expect(contractEndRefusal(granted, undefined)).toBeUndefined();
  });

  it('refuses a case whose work permit was not granted', () => {
    expect(contractEndRefusal({ status: 'in_review', result: null }, undefined)?.code).toBe('permit_not_granted');
    expect(contractEndRefusal(undefined, undefined)?.code).toBe('permit_not_granted');
  });

  it('refuses a permit already cancelled', () => {
    expect(contractEndRefusal({ status: 'granted', result: { permitNo: 'WP-1', cancelledOn: '2026-12-01' } }, undefined)).toMatchObject({
      code: 'permit_already_cancelled',
      message: { zh: expect.stringContaining('2026-12-01'), en: expect.stringContaining('2026-12-01') },
    });
  });

  it('refuses a second report while the first is under way', () => {
    expect(contractEndRefusal(granted, '2026-12-01')?.code).toBe('contract_end_already_reported');
  });
});

describe(endedOnProblem.name, () => {
  it('takes today and earlier days', () => {
    expect(endedOnProblem('2026-12-06', '2026-12-06')).toBeUndefined();
    expect(endedOnProblem('2026-01-31', '2026-12-06')).toBeUndefined();
  });

  it('refuses a contract end still to come', () => {
    expect(endedOnProblem('2026-12-07', '2026-12-06')).toMatch(/must not be after today/);
  });
});

describe(reportTiming.name, () => {
  it('is in time on the tenth day after the end', () => {
    expect(reportTiming('2026-11-26', '2026-12-06', 10)).toEqual({ daysAfterEnd: 10, late: false });
  });

  it('is late from the eleventh day', () => {
    expect(reportTiming('2026-11-25', '2026-12-06', 10)).toEqual({ daysAfterEnd: 11, late: true });
  });
});
