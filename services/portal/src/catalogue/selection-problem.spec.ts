import { CatalogueError, getCatalogue, type ItemSelection, mergeForm } from '@work-permit/catalogue';
import { selectionProblem } from './selection-problem';

const catalogue = getCatalogue();

/** What the catalogue throws for the selection, said by the portal in both languages. */
function problemOf(selection: ItemSelection[]) {
  try {
    mergeForm(catalogue, selection);
  } catch (error) {
    if (error instanceof CatalogueError) return selectionProblem(error);
    throw error;
  }
  throw new Error('the catalogue took the selection');
}

describe(selectionProblem.name, () => {
  it('names an unknown item in both languages, Chinese first', () => {
    const problem = problemOf([{ code: 'FISHING_LICENCE', action: 'issue' } as unknown as ItemSelection]);
    expect(problem).toEqual({
      field: 'items',
      message: `FISHING_LICENCE不是事项目录${catalogue.version}中的事项`,
      messages: { zh: `FISHING_LICENCE不是事项目录${catalogue.version}中的事项`, en: `FISHING_LICENCE is not an item of catalogue ${catalogue.version}` },
    });
  });

  it('names every problem at once: a step, an item chosen twice, an action not offered', () => {
    const problem = problemOf([
      { code: 'TALENT_CATEGORY', action: 'apply' },
      { code: 'WORK_PERMIT', action: 'issue' },
      { code: 'WORK_PERMIT', action: 'extend' },
      { code: 'SOCIAL_INSURANCE', action: 'extend' },
    ] as ItemSelection[]);
    expect(problem.messages?.en).toBe(
      'TALENT_CATEGORY is a step inside the items that need it and cannot be chosen on its own; WORK_PERMIT is chosen more than once; choose one action per item; SOCIAL_INSURANCE does not offer the action extend (it offers apply)',
    );
    expect(problem.messages?.zh).toContain('TALENT_CATEGORY是所需事项内部的环节，不能单独选择；WORK_PERMIT被重复选择');
  });
});
