import { getCatalogue, localize } from '@work-permit/catalogue';
import { ResidencePermitErrorCode } from './residence-permit.exception';
import { type ResidenceValidityInput, residenceValidity } from './residence-validity.rules';

const parameters = getCatalogue().parameters;
const TODAY = '2026-03-02';
const FAR = '2040-12-31';
const validity = (input: Partial<ResidenceValidityInput>) => residenceValidity({ workPermitValidTo: FAR, passportExpiry: FAR, ...input }, parameters, { today: TODAY });
/** The refusal's reason as its readers see it, in Chinese and in English. */
const reasonOf = (input: Partial<ResidenceValidityInput>) => {
  const outcome = validity(input);
  return outcome.refused ? localize(outcome.reason) : undefined;
};

describe(residenceValidity.name, () => {
  it('runs from today and ends with the work permit when it ends first', () => {
    expect(validity({ workPermitValidTo: '2027-06-30', passportExpiry: '2035-01-01' })).toEqual({
      refused: false,
      validFrom: TODAY,
      validTo: '2027-06-30',
      months: 15,
      days: 486,
      limitedBy: 'work_permit',
    });
  });

  it('starts with the work permit when it starts after today, and counts the 5 years from then', () => {
    expect(validity({ workPermitValidFrom: '2026-06-01' })).toEqual({ refused: false, validFrom: '2026-06-01', validTo: '2031-05-31', months: 60, days: 1826, limitedBy: 'maximum' });
  });

  it('runs from today when the work permit has already started', () => {
    expect(validity({ workPermitValidFrom: '2026-01-01', workPermitValidTo: '2027-06-30' })).toMatchObject({ validFrom: TODAY, validTo: '2027-06-30' });
  });

  it('counts the minimum from the work permit’s first day when it starts after today', () => {
    expect(validity({ workPermitValidFrom: '2026-04-01', workPermitValidTo: '2026-06-28' })).toMatchObject({ refused: true, days: 89 });
    expect(reasonOf({ workPermitValidFrom: '2026-04-01', workPermitValidTo: '2026-06-28' })).toEqual({
      zh: '工作许可于2026-06-28届满，自2026-04-01起仅余89日；工作类居留许可的有效期不少于90日。',
      en: 'The work permit ends on 2026-06-28, leaving 89 days from 2026-04-01; a work-type residence permit is valid for at least 90 days.',
    });
  });

  it('ends with the passport when it expires before the work permit ends', () => {
    expect(validity({ workPermitValidTo: '2030-01-01', passportExpiry: '2028-05-31' })).toMatchObject({ refused: false, validTo: '2028-05-31', limitedBy: 'passport' });
  });

  it('ends on a requested date earlier than every limit', () => {
    expect(validity({ workPermitValidTo: '2030-01-01', requestedValidTo: '2027-03-01' })).toMatchObject({ refused: false, validTo: '2027-03-01', months: 12, limitedBy: 'requested' });
  });

  it('cuts a requested date later than the work permit at the work permit', () => {
    expect(validity({ workPermitValidTo: '2027-03-01', requestedValidTo: '2029-01-01' })).toMatchObject({ validTo: '2027-03-01', limitedBy: 'work_permit' });
  });

  it('caps the validity at exactly 5 years, the day before the fifth anniversary', () => {
    expect(validity({})).toEqual({ refused: false, validFrom: TODAY, validTo: '2031-03-01', months: 60, days: 1826, limitedBy: 'maximum' });
  });

  it('names the work permit when it ends on the last day of the 5-year cap', () => {
    expect(validity({ workPermitValidTo: '2031-03-01' })).toMatchObject({ validTo: '2031-03-01', months: 60, limitedBy: 'work_permit' });
  });

  it('grants exactly 90 days, both ends included', () => {
    expect(validity({ workPermitValidTo: '2026-05-30' })).toMatchObject({ refused: false, validTo: '2026-05-30', days: 90, months: 2 });
  });

  it('refuses when the work permit leaves 89 days', () => {
    expect(validity({ workPermitValidTo: '2026-05-29' })).toEqual({
      refused: true,
      code: 'shorter_than_minimum',
      limitedBy: 'work_permit',
      validTo: '2026-05-29',
      days: 89,
      reason: {
        code: 'residence_permit.validity.too_short',
        params: { limitedBy: 'work_permit', validTo: '2026-05-29', validFrom: '2026-03-02', days: 89, minDays: 90 },
      },
    });
  });

  it('refuses when the passport leaves less than 90 days', () => {
    expect(validity({ passportExpiry: '2026-04-30' })).toMatchObject({ refused: true, limitedBy: 'passport', days: 60 });
  });

  it('refuses a requested validity under 90 days', () => {
    expect(validity({ requestedValidTo: '2026-04-01' })).toMatchObject({ refused: true, limitedBy: 'requested' });
  });

  it('refuses when the passport has already expired, saying so', () => {
    expect(validity({ passportExpiry: '2026-02-01' })).toMatchObject({ refused: true, limitedBy: 'passport' });
    expect(reasonOf({ passportExpiry: '2026-02-01' })).toEqual({
      zh: '护照于2026-02-01届满，早于2026-03-02；工作类居留许可的有效期不少于90日。',
      en: 'The passport expires on 2026-02-01, before 2026-03-02; a work-type residence permit is valid for at least 90 days.',
    });
  });

  it('reads the minimum from the parameters', () => {
    const shorterMinimum = { ...parameters, residencePermit: { ...parameters.residencePermit, validity: { ...parameters.residencePermit.validity, minDays: 60 } } };
    expect(residenceValidity({ workPermitValidTo: '2026-05-29', passportExpiry: FAR }, shorterMinimum, { today: TODAY })).toMatchObject({ refused: false, days: 89 });
  });

  it('rejects a date that does not exist', () => {
    expect(() => validity({ workPermitValidTo: '2027-02-30' })).toThrow(
      expect.objectContaining({
        code: ResidencePermitErrorCode.InvalidArgument,
        reason: { code: 'residence_permit.invalid.date', params: { field: 'workPermitValidTo', value: '"2027-02-30"' } },
        message: 'workPermitValidTo须为真实日期，格式为YYYY-MM-DD，收到的是"2027-02-30" / workPermitValidTo must be a real date written YYYY-MM-DD, got "2027-02-30"',
      }),
    );
  });
});
