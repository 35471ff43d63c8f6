import { getCatalogue, mergeForm, validateCaseBody } from '@work-permit/catalogue';
import { exampleBody, TODAY } from '@work-permit/catalogue/testing';
import { residencePermitNumber } from './residence-permit-number.rules';
import { ResidencePermitErrorCode } from './residence-permit.exception';

describe(residencePermitNumber.name, () => {
  it('gives the same number for the same case every time', () => {
    expect(residencePermitNumber('case-0001')).toBe(residencePermitNumber('case-0001'));
  });

  it('gives different cases different numbers', () => {
    expect(residencePermitNumber('case-0001')).not.toBe(residencePermitNumber('case-0002'));
  });

  it('writes RP, Weihai’s division code and 16 hexadecimal characters', () => {
    expect(residencePermitNumber('case-0001')).toMatch(/^RP-371000-[0-9A-F]{16}$/);
  });

  it('gives a number the form accepts when the record pre-fills it for the next extension', () => {
    const catalogue = getCatalogue();
    const extension = [{ code: 'RESIDENCE_PERMIT', action: 'extend' as const }];
    const body = exampleBody(mergeForm(catalogue, extension).fields, { 'holdings.residencePermitNo': residencePermitNumber('case-0001') });
    expect(validateCaseBody(catalogue, extension, body, { today: TODAY })).toEqual([]);
  });

  it('refuses an empty case id', () => {
    expect(() => residencePermitNumber(' ')).toThrow(expect.objectContaining({ code: ResidencePermitErrorCode.InvalidArgument }));
  });
});
