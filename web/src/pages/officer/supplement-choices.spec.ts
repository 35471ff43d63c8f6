import type { CatalogueView } from '../../api/platform-api';
import { supplementChoicesOf } from './supplement-choices';

// Professional title asks two documents; the talent category step lists none.
const hrss = { code: 'hrss', name: 'HRSS' } as const;
const catalogue: CatalogueView = {
  catalogueVersion: '2026.1',
  lang: 'en',
  items: [
    {
      code: 'PROFESSIONAL_TITLE',
      kind: 'basic',
      name: 'Professional title',
      agency: hrss,
      actions: [
        {
          action: 'apply',
          name: 'Apply',
          materials: [
            { code: 'DEGREE_CERTIFICATE', name: 'Degree certificate', required: true },
            { code: 'PASSPORT', name: 'Passport', required: true },
          ],
        },
      ],
    },
  ],
  steps: [{ code: 'TALENT_CATEGORY', kind: 'step', name: 'Talent category', agency: hrss, actions: [{ action: 'apply', name: 'Apply', materials: [] }] }],
};

describe(supplementChoicesOf.name, () => {
  it('offers the documents a failed rule points at first, then the action’s, each once', () => {
    const choices = supplementChoicesOf(
      catalogue,
      {
        code: 'PROFESSIONAL_TITLE',
        action: 'apply',
        findings: [
          { rule: 'degree_verified', passed: false, message: 'degree unreadable', material: 'DEGREE_CERTIFICATE' },
          { rule: 'age', passed: true, message: 'fine', material: 'PASSPORT' },
        ],
      },
      [{ code: 'PASSPORT' }, { code: 'EMPLOYMENT_CONTRACT' }],
    );
    expect(choices).toEqual([
      { code: 'DEGREE_CERTIFICATE', name: 'Degree certificate', suggested: true },
      { code: 'PASSPORT', name: 'Passport', suggested: false },
    ]);
  });

  it('offers the documents on file for an item the catalogue lists without documents', () => {
    expect(supplementChoicesOf(catalogue, { code: 'TALENT_CATEGORY', action: 'apply', findings: [] }, [{ code: 'PASSPORT' }]).map((c) => c.code)).toEqual(['PASSPORT']);
  });
});
