import { formatFee, formatTimeLimit, prerequisiteLayers } from './guide-format';
import { CatalogueErrorCode } from '../catalogue.exception';
import type { Catalogue, CatalogueItem } from '../model/catalogue.model';

describe(formatFee.name, () => {
  it('says a free item is free, in both languages', () => {
    expect(formatFee({ kind: 'free' }, 'zh')).toEqual(['不收费']);
    expect(formatFee({ kind: 'free' }, 'en')).toEqual(['Free of charge']);
  });

  it('gives one line per validity band, in order of the bands', () => {
    const fee = { kind: 'by_validity' as const, bands: [{ belowMonths: 36, feeCny: 800 }, { belowMonths: 12, feeCny: 400 }, { belowMonths: 61, feeCny: 1000 }] };
    expect(formatFee(fee, 'en')).toEqual(['Validity under 1 year: RMB 400', 'Validity 1 year to under 3 years: RMB 800', 'Validity 3 years to 5 years: RMB 1,000']);
    expect(formatFee(fee, 'zh')).toEqual(['有效期不满1年：400元', '有效期1年以上不满3年：800元', '有效期3年以上至5年：1000元']);
  });

  it('leaves an open-ended last band open', () => {
    const fee = { kind: 'by_validity' as const, bands: [{ belowMonths: 6, feeCny: 100 }, { belowMonths: Infinity, feeCny: 200 }] };
    expect(formatFee(fee, 'en')).toEqual(['Validity under 6 months: RMB 100', 'Validity 6 months or more: RMB 200']);
  });

  it("adds the rule's note as a last line", () => {
    expect(formatFee({ kind: 'free', note: { zh: '按互惠协议', en: 'By reciprocity' } }, 'en')).toEqual(['Free of charge', 'By reciprocity']);
  });
});

describe(formatTimeLimit.name, () => {
  it('tells working days from calendar days and keeps the note', () => {
    expect(formatTimeLimit({ amount: 1, unit: 'working_days' }, 'en')).toBe('1 working day');
    expect(formatTimeLimit({ amount: 15, unit: 'calendar_days', note: { zh: '材料齐全之日起', en: 'from complete materials' } }, 'en')).toBe('15 calendar days (from complete materials)');
    expect(formatTimeLimit({ amount: 15, unit: 'calendar_days' }, 'zh')).toBe('15个自然日');
  });
});

describe(prerequisiteLayers.name, () => {
  const item = (code: string, prerequisites: string[]): CatalogueItem =>
    ({ code, prerequisites, kind: 'basic', name: { zh: code, en: code } }) as unknown as CatalogueItem;
  const catalogue = (items: CatalogueItem[]) => ({ version: 't', items }) as unknown as Catalogue;

  it('puts an item one layer below its deepest prerequisite', () => {
    const layers = prerequisiteLayers(catalogue([item('C', ['A', 'B']), item('B', ['A']), item('A', [])]));
    expect(layers.map((layer) => layer.map((i) => i.code))).toEqual([['A'], ['B'], ['C']]);
  });

  it('refuses a prerequisite cycle', () => {
    expect(() => prerequisiteLayers(catalogue([item('A', ['B']), item('B', ['A'])]))).toThrow(
      expect.objectContaining({ code: CatalogueErrorCode.PrerequisiteCycle }),
    );
  });

  it('refuses a prerequisite the catalogue does not define', () => {
    expect(() => prerequisiteLayers(catalogue([item('A', ['GHOST'])]))).toThrow(expect.objectContaining({ code: CatalogueErrorCode.InvalidCatalogue }));
  });
});
