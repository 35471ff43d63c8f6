import { CatalogueErrorCode } from '../catalogue.exception';
import type { FeeRule } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { feeCnyFor } from './fee-rule';

const residenceFee = getCatalogue().items.find((item) => item.code === 'RESIDENCE_PERMIT')!.fee;

describe(feeCnyFor.name, () => {
  it.each([
    [3, 400],
    [11, 400],
    [12, 800],
    [35, 800],
    [36, 1000],
    [60, 1000],
  ])('charges a residence permit of %i months %i RMB', (months, fee) => {
    expect(feeCnyFor(residenceFee, months)).toBe(fee);
  });

  it('refuses a validity beyond the last band (over 5 years)', () => {
    expect(() => feeCnyFor(residenceFee, 61)).toThrow(expect.objectContaining({ code: CatalogueErrorCode.InvalidArgument }));
  });

  it('charges nothing under a free rule', () => {
    const free: FeeRule = { kind: 'free' };
    expect(feeCnyFor(free, 24)).toBe(0);
  });
});
