import { CatalogueErrorCode } from '../catalogue.exception';
import type { Catalogue, CatalogueItem } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { dependantsOf, findPrerequisiteCycle, topologicalOrder } from './prerequisite-graph';

const catalogue = getCatalogue('2026.1');

function withPrerequisites(changes: Record<string, string[]>): Catalogue {
  const items: CatalogueItem[] = catalogue.items.map((item) => (changes[item.code] ? { ...item, prerequisites: changes[item.code] } : item));
  return { ...catalogue, items };
}

describe(topologicalOrder.name, () => {
  it('puts the steps first, then the work permit, then its dependants in catalogue order', () => {
    expect(topologicalOrder(catalogue)).toEqual([
      'TALENT_CATEGORY',
      'ABNORMAL_LIST_SCREENING',
      'WORK_PERMIT',
      'RESIDENCE_PERMIT',
      'SOCIAL_INSURANCE',
      'PROFESSIONAL_TITLE',
      'E_SOCIAL_SECURITY_CARD',
    ]);
  });

  it('refuses a cyclic graph, naming the cycle', () => {
    const cyclic = withPrerequisites({ TALENT_CATEGORY: ['RESIDENCE_PERMIT'] });
    expect(() => topologicalOrder(cyclic)).toThrow(
      expect.objectContaining({
        code: CatalogueErrorCode.PrerequisiteCycle,
        message: expect.stringContaining('TALENT_CATEGORY → RESIDENCE_PERMIT → WORK_PERMIT → TALENT_CATEGORY'),
      }),
    );
  });
});

describe(findPrerequisiteCycle.name, () => {
  it('finds none in the catalogue', () => {
    expect(findPrerequisiteCycle(catalogue)).toBeUndefined();
  });

  it('finds an item that waits for itself', () => {
    expect(findPrerequisiteCycle(withPrerequisites({ SOCIAL_INSURANCE: ['SOCIAL_INSURANCE'] }))).toEqual(['SOCIAL_INSURANCE', 'SOCIAL_INSURANCE']);
  });
});

describe(dependantsOf.name, () => {
  it('gives the four items waiting for the work permit', () => {
    expect(dependantsOf(catalogue, 'WORK_PERMIT')).toEqual(['RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'PROFESSIONAL_TITLE', 'E_SOCIAL_SECURITY_CARD']);
  });

  it('follows the graph through the work permit from a step', () => {
    expect(dependantsOf(catalogue, 'TALENT_CATEGORY')).toEqual(['WORK_PERMIT', 'RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'PROFESSIONAL_TITLE', 'E_SOCIAL_SECURITY_CARD']);
  });

  it('gives only the direct dependants when asked', () => {
    expect(dependantsOf(catalogue, 'TALENT_CATEGORY', { directOnly: true })).toEqual(['WORK_PERMIT']);
  });

  it('gives none for an item nothing waits for', () => {
    expect(dependantsOf(catalogue, 'RESIDENCE_PERMIT')).toEqual([]);
  });

  it('refuses an unknown item', () => {
    expect(() => dependantsOf(catalogue, 'VISA')).toThrow(expect.objectContaining({ code: CatalogueErrorCode.InvalidArgument }));
  });
});
