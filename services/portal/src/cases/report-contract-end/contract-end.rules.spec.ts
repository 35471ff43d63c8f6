import type { Principal } from '@work-permit/auth';
import { localize } from '@work-permit/catalogue';
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
    const refusal = contractEndRefusal({ status: 'granted', result: { permitNo: 'WP-1', cancelledOn: '2026-12-01' } }, undefined);
    expect(refusal?.code).toBe('permit_already_cancelled');
    expect(localize(refusal!.reason)).toEqual({ zh: expect.stringContaining('已于2026-12-01注销'), en: 'The work permit of this case was cancelled on 2026-12-01.' });
  });

  it('refuses a second report while the first is under way', () => {
    const refusal = contractEndRefusal(granted, '2026-12-01');
    expect(refusal?.code).toBe('contract_end_already_reported');
    expect(localize(refusal!.reason).zh).toBe('劳动合同终止已于2026-12-01报告，正在办理注销。');
  });
});

describe(endedOnProblem.name, () => {
  it('takes today and earlier days', () => {
    expect(endedOnProblem('2026-12-06', '2026-12-06')).toBeUndefined();
    expect(endedOnProblem('2026-01-31', '2026-12-06')).toBeUndefined();
  });

  it('refuses a contract end still to come', () => {
    const problem = endedOnProblem('2026-12-07', '2026-12-06');
    expect(problem && localize(problem)).toEqual({ zh: expect.stringContaining('不得晚于今天（2026-12-06）'), en: expect.stringContaining('must not be after today (2026-12-06') });
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
