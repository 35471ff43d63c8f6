import type { CatalogueItem, CatalogueView } from '../api/platform-api';
import { catalogueEntries, catalogueNamesOf, itemMaterials } from './catalogue-names';

function entry(code: string, name: string, materials: { code: string; name: string }[], kind: CatalogueItem['kind'] = 'basic'): CatalogueItem {
  return {
    code,
    kind,
    name,
    agency: { code: 'hrss', name: 'HRSS' },
    actions: [{ action: 'apply', name: 'Apply', materials: materials.map((m) => ({ ...m, required: true })) }],
  };
}

const catalogue = {
  catalogueVersion: '2026.1',
  lang: 'en',
  items: [
    entry('PROFESSIONAL_TITLE', 'Professional title', [{ code: 'DEGREE_CERTIFICATE', name: 'Degree certificate' }, { code: 'PASSPORT', name: 'Passport' }]),
    { ...entry('WORK_PERMIT', 'Work permit', [{ code: 'CONTRACT', name: 'Contract' }]), materials: [{ code: 'PHOTO', name: 'Photo', actions: ['apply'] }] },
  ],
  steps: [entry('TALENT_CATEGORY', 'Talent category', [], 'step')],
} as CatalogueView;

describe(catalogueNamesOf.name, () => {
  const names = catalogueNamesOf(catalogue);

  it('names items, steps, actions and documents (the items’ own lists and their actions’)', () => {
    expect(names.item('PROFESSIONAL_TITLE')).toBe('Professional title');
    expect(names.item('TALENT_CATEGORY')).toBe('Talent category');
    expect(names.action('PROFESSIONAL_TITLE', 'apply')).toBe('Apply');
    expect(names.material('PASSPORT')).toBe('Passport');
    expect(names.material('PHOTO')).toBe('Photo');
    expect(names.material('CONTRACT')).toBe('Contract');
  });

  it('falls back to the code when the catalogue is not loaded or does not know it', () => {
    expect(catalogueNamesOf(undefined).item('WORK_PERMIT')).toBe('WORK_PERMIT');
    expect(catalogueNamesOf(undefined).action('WORK_PERMIT', 'issue')).toBe('issue');
    expect(names.material('HEALTH_CERTIFICATE')).toBe('HEALTH_CERTIFICATE');
  });

  it('reads an answer that leaves lists out', () => {
    const partial = { items: [{ code: 'WORK_PERMIT', name: 'Work permit' }] } as unknown as CatalogueView;
    expect(catalogueNamesOf(partial).item('WORK_PERMIT')).toBe('Work permit');
    expect(catalogueNamesOf({} as CatalogueView).material('PHOTO')).toBe('PHOTO');
  });
});

describe(catalogueEntries.name, () => {
  it('lists the items, then the steps', () => {
    expect(catalogueEntries(catalogue).map((item) => item.code)).toEqual(['PROFESSIONAL_TITLE', 'WORK_PERMIT', 'TALENT_CATEGORY']);
    expect(catalogueEntries(undefined)).toEqual([]);
  });
});

describe(itemMaterials.name, () => {
  it('takes the item’s own list, else its actions’', () => {
    expect(itemMaterials(catalogue.items[1]).map((material) => material.code)).toEqual(['PHOTO']);
    expect(itemMaterials(catalogue.items[0]).map((material) => material.code)).toEqual(['DEGREE_CERTIFICATE', 'PASSPORT']);
  });
});
