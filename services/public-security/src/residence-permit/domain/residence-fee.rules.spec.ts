import { type Catalogue, getCatalogue, localize, type Message } from '@work-permit/catalogue';
import { residenceFee, residenceFeeFromParameters } from './residence-fee.rules';
import { ResidencePermitErrorCode } from './residence-permit.exception';

const catalogue = getCatalogue();
const FROM = '2026-03-02';

describe(residenceFee.name, () => {
  it.each([
    ['2027-02-01', 11, 400],
    ['2027-03-01', 12, 800],
    ['2029-02-01', 35, 800],
    ['2029-03-01', 36, 1000],
    ['2031-03-01', 60, 1000],
  ])('charges a permit to %s (%i whole months) %i RMB', (validTo, _months, fee) => {
    expect(residenceFee(FROM, validTo, catalogue)).toBe(fee);
  });

  it('drops a partial month, so a permit one day short of a year pays the under-one-year band', () => {
    expect(residenceFee(FROM, '2027-02-28', catalogue)).toBe(400);
  });

  it('drops a partial month below 3 years too', () => {
    expect(residenceFee(FROM, '2029-02-28', catalogue)).toBe(800);
  });

  it('charges the shortest permit, 90 days, the under-one-year band', () => {
    expect(residenceFee(FROM, '2026-05-30', catalogue)).toBe(400);
  });

  it('refuses a validity one day over 5 years', () => {
    expect(() => residenceFee(FROM, '2031-03-02', catalogue)).toThrow(expect.objectContaining({ code: ResidencePermitErrorCode.InvalidArgument }));
  });

  it('refuses a validity under 90 days, saying why in both languages', () => {
    expect(() => residenceFee(FROM, '2026-05-29', catalogue)).toThrow(expect.objectContaining({ code: ResidencePermitErrorCode.InvalidArgument }));
    expect(localize(reasonOf(() => residenceFee(FROM, '2026-05-29', catalogue)))).toEqual({
      zh: '有效期2026-03-02至2026-05-29的居留许可不在90日至60个月之间，无法计费',
      en: 'A residence permit from 2026-03-02 to 2026-05-29 is outside 90 days to 60 months; it has no fee',
    });
  });

  it('charges by the catalogue fee rule, not a table of its own', () => {
    const item = catalogue.items.find((candidate) => candidate.code === 'RESIDENCE_PERMIT')!;
    const cheaper: Catalogue = { ...catalogue, items: [{ ...item, fee: { kind: 'by_validity', bands: [{ belowMonths: 61, feeCny: 100 }] } }] };
    expect(residenceFee(FROM, '2027-03-01', cheaper)).toBe(100);
  });

  it('refuses an end before the start', () => {
    expect(() => residenceFee(FROM, '2026-03-01', catalogue)).toThrow(
      expect.objectContaining({ code: ResidencePermitErrorCode.InvalidArgument, reason: { code: 'residence_permit.invalid.validity_reversed', params: { validFrom: FROM, validTo: '2026-03-01' } } }),
    );
  });

  it('refuses a catalogue without the residence permit item', () => {
    const withoutItem: Catalogue = { ...catalogue, items: catalogue.items.filter((item) => item.code !== 'RESIDENCE_PERMIT') };
    expect(() => residenceFee(FROM, '2027-03-01', withoutItem)).toThrow(expect.objectContaining({ code: ResidencePermitErrorCode.CatalogueItemMissing }));
    expect(localize(reasonOf(() => residenceFee(FROM, '2027-03-01', withoutItem)))).toEqual({
      zh: `事项目录${catalogue.version}版中没有RESIDENCE_PERMIT事项`,
      en: `Catalogue ${catalogue.version} has no RESIDENCE_PERMIT item`,
    });
  });
});

describe(residenceFeeFromParameters.name, () => {
  it.each([
    ['2027-02-28', 400],
    ['2027-03-01', 800],
    ['2029-02-28', 800],
    ['2029-03-01', 1000],
    ['2031-03-01', 1000],
  ])('charges what the catalogue item charges for a permit to %s: %i RMB', (validTo, fee) => {
    expect(residenceFeeFromParameters(FROM, validTo, catalogue.parameters)).toBe(fee);
    expect(residenceFeeFromParameters(FROM, validTo, catalogue.parameters)).toBe(residenceFee(FROM, validTo, catalogue));
  });

  it('charges by the parameters’ fee bands', () => {
    const parameters = { ...catalogue.parameters, residencePermit: { ...catalogue.parameters.residencePermit, feeBands: [{ belowMonths: 61, feeCny: 100 }] } };
    expect(residenceFeeFromParameters(FROM, '2027-03-01', parameters)).toBe(100);
  });

  it('refuses a validity under 90 days', () => {
    expect(() => residenceFeeFromParameters(FROM, '2026-05-29', catalogue.parameters)).toThrow(expect.objectContaining({ code: ResidencePermitErrorCode.InvalidArgument }));
  });
});

/** The catalogue message a refusal carries. */
function reasonOf(run: () => unknown): Message {
  try {
    run();
  } catch (error) {
    return (error as { reason: Message }).reason;
  }
  throw new Error('expected a refusal');
}
