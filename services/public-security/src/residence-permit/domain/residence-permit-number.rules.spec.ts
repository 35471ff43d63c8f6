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

  it('refuses an empty case id', () => {
    expect(() => residencePermitNumber(' ')).toThrow(expect.objectContaining({ code: ResidencePermitErrorCode.InvalidArgument }));
  });
});
