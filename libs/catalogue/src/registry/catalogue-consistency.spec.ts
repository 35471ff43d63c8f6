import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import { CATALOGUE_2026_1 } from '../data/catalogue-2026-1';
import type { Catalogue, CatalogueItem, ItemActionDefinition } from '../model/catalogue.model';
import { catalogueProblems, validateCatalogue } from './catalogue-consistency';

const base = CATALOGUE_2026_1;

function changeItem(code: string, change: (item: CatalogueItem) => CatalogueItem): Catalogue {
  return { ...base, items: base.items.map((item) => (item.code === code ? change(item) : item)) };
}

function changeAction(code: string, action: string, change: (a: ItemActionDefinition) => ItemActionDefinition): Catalogue {
  return changeItem(code, (item) => ({ ...item, actions: item.actions.map((a) => (a.action === action ? change(a) : a)) }));
}

describe(catalogueProblems.name, () => {
  it('reports a prerequisite cycle with its path', () => {
    const cyclic = changeItem('ABNORMAL_LIST_SCREENING', (item) => ({ ...item, prerequisites: ['E_SOCIAL_SECURITY_CARD'] }));
    expect(catalogueProblems(cyclic)).toEqual([
      'the prerequisites form a cycle: ABNORMAL_LIST_SCREENING → E_SOCIAL_SECURITY_CARD → WORK_PERMIT → ABNORMAL_LIST_SCREENING',
    ]);
  });

  it('reports a prerequisite that is not defined', () => {
    const broken = changeItem('SOCIAL_INSURANCE', (item) => ({ ...item, prerequisites: ['VISA'] }));
    expect(catalogueProblems(broken)).toEqual(['SOCIAL_INSURANCE names the prerequisite VISA, which is not defined']);
  });

  it('reports an action field that is not defined', () => {
    const broken = changeAction('SOCIAL_INSURANCE', 'apply', (a) => ({ ...a, fields: [...a.fields, { path: 'applicant.shoeSize', required: false }] }));
    expect(catalogueProblems(broken)).toEqual(['SOCIAL_INSURANCE/apply asks the field applicant.shoeSize, which is not defined']);
  });

  it('reports an action material that is not defined', () => {
    const broken = changeAction('E_SOCIAL_SECURITY_CARD', 'apply', (a) => ({ ...a, materials: [{ code: 'SELFIE', required: true }] }));
    expect(catalogueProblems(broken)).toEqual(['E_SOCIAL_SECURITY_CARD/apply asks the material SELFIE, which is not defined']);
  });

  it('reports an item code defined twice', () => {
    const twice = { ...base, items: [...base.items, base.items[0]] };
    expect(catalogueProblems(twice)).toEqual(['item TALENT_CATEGORY is defined more than once']);
  });

  it('reports a field defined twice', () => {
    const twice = { ...base, fields: [...base.fields, base.fields[0]] };
    expect(catalogueProblems(twice)).toEqual(['field applicant.surname is defined more than once']);
  });

  it('reports a material defined twice', () => {
    const twice = { ...base, materials: [...base.materials, base.materials[1]] };
    expect(catalogueProblems(twice)).toEqual(['material PASSPORT is defined more than once']);
  });

  it('reports a filing window on a date the action does not ask', () => {
    const broken = changeAction('WORK_PERMIT', 'change', (a) => ({ ...a, fields: a.fields.filter((f) => f.path !== 'change.occurredOn') }));
    expect(catalogueProblems(broken)).toEqual(['WORK_PERMIT/change filing window reads change.occurredOn, which the action does not require']);
  });

  it('reports a conditional document whose condition reads a field the action does not ask, or a value the field cannot hold', () => {
    const broken = changeAction('WORK_PERMIT', 'issue', (a) => ({
      ...a,
      materials: a.materials.map((m) =>
        m.code === 'RESIGNATION_PROOF' ? { ...m, when: [{ field: 'title.level', equals: 'senior' }] } : m.code === 'HIGHEST_DEGREE' ? { ...m, when: [{ field: 'applicant.education', equals: 'phd' }] } : m,
      ),
    }));
    expect(catalogueProblems(broken)).toEqual([
      'WORK_PERMIT/issue material HIGHEST_DEGREE compares applicant.education with "phd", which it cannot hold',
      'WORK_PERMIT/issue material RESIGNATION_PROOF tests title.level, which the action does not ask',
    ]);
  });

  it('reports a conditional document without its condition as tests, and a required one with a condition', () => {
    const broken = changeAction('WORK_PERMIT', 'issue', (a) => ({
      ...a,
      materials: a.materials.map((m) => (m.code === 'HIGHEST_DEGREE' ? { code: m.code, required: false, condition: m.condition } : m.code === 'PASSPORT' ? { ...m, when: [{ field: 'applicant.entryDate', present: true }] } : m)),
    }));
    expect(catalogueProblems(broken)).toEqual([
      'WORK_PERMIT/issue material PASSPORT is required always and under a condition',
      'WORK_PERMIT/issue material HIGHEST_DEGREE needs its condition both in words and as tests, or neither',
    ]);
  });

  it('reports a step whose condition depends on the day or reads a field the action does not ask', () => {
    const broken = changeAction('WORK_PERMIT', 'change', (a) => ({
      ...a,
      steps: [{ code: 'TALENT_CATEGORY', when: [{ field: 'applicant.birthDate', ageFrom: 18, ageTo: 60 }] }, { code: 'ABNORMAL_LIST_SCREENING', when: [{ field: 'title.level', present: true }] }],
    }));
    expect(catalogueProblems(broken)).toEqual([
      'WORK_PERMIT/change step TALENT_CATEGORY depends on an age, which changes with the day; a step\'s condition must not',
      'WORK_PERMIT/change step ABNORMAL_LIST_SCREENING tests title.level, which the action does not ask',
    ]);
  });

  it('reports held evidence in a field that is not defined', () => {
    const broken = changeItem('WORK_PERMIT', (item) => ({ ...item, heldEvidenceField: 'holdings.permitCard' }));
    expect(catalogueProblems(broken)).toEqual(['WORK_PERMIT.heldEvidenceField names the field holdings.permitCard, which is not defined']);
  });

  it('reports an enum field without options', () => {
    const broken = { ...base, fields: base.fields.map((f) => (f.path === 'applicant.sex' ? { ...f, options: undefined } : f)) };
    expect(catalogueProblems(broken)).toEqual(['field applicant.sex is an enum without options']);
  });

  it('reports a document produced by an item that is not defined', () => {
    const broken = { ...base, materials: base.materials.map((m) => (m.code === 'WORK_PERMIT_PROOF' ? { ...m, producedBy: 'WORK_VISA' } : m)) };
    expect(catalogueProblems(broken)).toEqual(['material WORK_PERMIT_PROOF is produced by WORK_VISA, which is not defined']);
  });
});

describe(validateCatalogue.name, () => {
  it('accepts a consistent catalogue', () => {
    expect(() => validateCatalogue(base)).not.toThrow();
  });

  it('throws every problem at once', () => {
    const broken = changeItem('SOCIAL_INSURANCE', (item) => ({ ...item, prerequisites: ['VISA'], agency: 'customs' as CatalogueItem['agency'] }));
    let thrown: unknown;
    try {
      validateCatalogue(broken);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CatalogueError);
    expect(thrown).toMatchObject({ code: CatalogueErrorCode.InvalidCatalogue, details: expect.arrayContaining([expect.stringContaining('VISA'), expect.stringContaining('customs')]) });
  });

  it('reports an item without its guide\'s service facts or commitments, a step with them, and a fee without a way to pay', () => {
    const withoutFacts = changeItem('SOCIAL_INSURANCE', (item) => ({ ...item, service: undefined }));
    expect(catalogueProblems(withoutFacts)).toEqual(['SOCIAL_INSURANCE has no service facts (registered code) for its guide']);
    const { SOCIAL_INSURANCE: _dropped, ...others } = base.parameters.serviceCommitments;
    expect(catalogueProblems({ ...base, parameters: { ...base.parameters, serviceCommitments: others } })).toEqual([
      'SOCIAL_INSURANCE has no promised time limit and visits (parameters.serviceCommitments)',
    ]);
    expect(catalogueProblems(changeItem('TALENT_CATEGORY', (item) => ({ ...item, service: { registeredCode: 'X' } })))).toEqual([
      'TALENT_CATEGORY is a step: it has no service facts or commitments of its own',
    ]);
    expect(catalogueProblems(changeItem('RESIDENCE_PERMIT', (item) => ({ ...item, service: { registeredCode: 'WH-YJS-02' } })))).toEqual([
      'RESIDENCE_PERMIT charges a fee but does not say how it is paid',
    ]);
    const overPromised = { ...base.parameters.serviceCommitments, E_SOCIAL_SECURITY_CARD: { promisedWorkingDays: 1, maxVisits: 0 } };
    expect(catalogueProblems({ ...base, parameters: { ...base.parameters, serviceCommitments: overPromised } })).toEqual([
      'E_SOCIAL_SECURITY_CARD promises 1 working days, no shorter than its own time limit of 1: leave the promise to the time limit',
    ]);
  });
});
