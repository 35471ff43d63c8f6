import { getCatalogue, localize, message } from '@work-permit/catalogue';
import { permitTerm } from './permit-term.rules';
import { WorkPermitErrorCode } from './work-permit.exception';

const parameters = getCatalogue().parameters;
const today = '2026-03-02';
const passportExpiry = '2035-12-31';

describe(permitTerm.name, () => {
  it('follows a contract shorter than the cap', () => {
    expect(permitTerm('2026-04-01', '2027-03-31', 'B', parameters, { today, passportExpiry })).toEqual({ validFrom: '2026-04-01', validTo: '2027-03-31' });
  });

  it('caps category B at 2 years for a 3-year contract', () => {
    expect(permitTerm('2026-04-01', '2029-03-31', 'B', parameters, { today, passportExpiry })).toEqual({ validFrom: '2026-04-01', validTo: '2028-03-31' });
  });

  it('caps category A at 5 years', () => {
    expect(permitTerm('2026-04-01', '2033-03-31', 'A', parameters, { today, passportExpiry })).toEqual({ validFrom: '2026-04-01', validTo: '2031-03-31' });
  });

  it('caps category C at 1 year', () => {
    expect(permitTerm('2026-04-01', '2028-03-31', 'C', parameters, { today, passportExpiry })).toEqual({ validFrom: '2026-04-01', validTo: '2027-03-31' });
  });

  it('reads the caps from the parameters', () => {
    const longerB = { ...parameters, workPermit: { ...parameters.workPermit, termCapYears: { ...parameters.workPermit.termCapYears, B: 3 } } };
    expect(permitTerm('2026-04-01', '2029-03-31', 'B', longerB, { today, passportExpiry }).validTo).toBe('2029-03-31');
  });

  it('ends at the passport expiry when the passport expires first', () => {
    expect(permitTerm('2026-04-01', '2028-03-31', 'B', parameters, { today, passportExpiry: '2027-09-30' })).toEqual({ validFrom: '2026-04-01', validTo: '2027-09-30' });
  });

  it('starts today when the contract has already started, and counts the cap from today', () => {
    expect(permitTerm('2026-01-01', '2029-12-31', 'B', parameters, { today, passportExpiry })).toEqual({ validFrom: today, validTo: '2028-03-01' });
  });

  it('ends a term starting on 29 February on 28 February', () => {
    expect(permitTerm('2028-02-29', '2031-12-31', 'B', parameters, { today, passportExpiry }).validTo).toBe('2030-02-28');
  });

  it('refuses a contract that ends on or before it starts, saying why no permit can be granted', () => {
    const reason = message('work_permit.term.invalid_contract', { contractStart: '2026-04-01', contractEnd: '2026-04-01' });
    expect(() => permitTerm('2026-04-01', '2026-04-01', 'B', parameters, { today, passportExpiry })).toThrow(
      expect.objectContaining({ code: WorkPermitErrorCode.InvalidContractTerm, reason }),
    );
    expect(localize(reason).zh).toBe('不能准予许可：劳动合同的终止日期须晚于起始日期，合同期限为2026-04-01至2026-04-01。');
  });

  it('refuses a contract that ended before today', () => {
    expect(() => permitTerm('2025-01-01', '2026-03-01', 'B', parameters, { today, passportExpiry })).toThrow(
      expect.objectContaining({
        code: WorkPermitErrorCode.NoPermitTerm,
        reason: message('work_permit.term.none_left', { validFrom: today, contractEnd: '2026-03-01', passportExpiry }),
        // The error's own message, for logs: Chinese, then English.
        message: '不能准予许可：自2026-03-02起已无可许可的期限，劳动合同于2026-03-01终止，护照于2035-12-31到期。 / No permit can be granted. No permit term is left from 2026-03-02: the contract ends on 2026-03-01 and the passport expires on 2035-12-31.',
      }),
    );
  });

  it('refuses a passport that expires before the term would start', () => {
    expect(() => permitTerm('2026-04-01', '2028-03-31', 'B', parameters, { today, passportExpiry: '2026-03-31' })).toThrow(
      expect.objectContaining({ code: WorkPermitErrorCode.NoPermitTerm }),
    );
  });

  it('refuses a date that is not a real YYYY-MM-DD date', () => {
    expect(() => permitTerm('2026-04-31', '2028-03-31', 'B', parameters, { today, passportExpiry })).toThrow(
      expect.objectContaining({ code: WorkPermitErrorCode.InvalidDate }),
    );
  });
});
