import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import type { ItemSelection } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { FIVE_ITEMS } from '../testing/example-body';
import { mergeForm } from './merged-form';

const catalogue = getCatalogue();
const five = mergeForm(catalogue, FIVE_ITEMS);
const ALL_FIVE = FIVE_ITEMS.map((s) => s.code);

function refusal(selection: ItemSelection[]): CatalogueError {
  try {
    mergeForm(catalogue, selection);
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error('mergeForm accepted the selection');
}

describe(mergeForm.name, () => {
  it('reduces the five-item form from 106 fields to 37 and the materials from 34 to 17', () => {
    expect(five.reduction).toEqual({ fieldsSeparate: 106, fieldsMerged: 37, materialsSeparate: 34, materialsMerged: 17 });
  });

  it('asks for the passport once, naming all five items that need it', () => {
    expect(five.materials.filter((m) => m.code === 'PASSPORT')).toEqual([
      { code: 'PASSPORT', name: { zh: '护照（信息页）', en: 'Passport (data page)' }, items: ALL_FIVE, required: true },
    ]);
  });

  it('asks for the passport number once', () => {
    expect(five.fields.filter((f) => f.path === 'applicant.passportNo')).toHaveLength(1);
  });

  it('asks every field once', () => {
    const paths = five.fields.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('asks every document once', () => {
    const codes = five.materials.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('carries the version and the chosen items with their names', () => {
    expect({ version: five.catalogueVersion, items: five.items.map((i) => [i.code, i.action, i.name.en]) }).toEqual({
      version: '2026.1',
      items: [
        ['WORK_PERMIT', 'issue', 'Work permit for foreigners working in China'],
        ['RESIDENCE_PERMIT', 'issue', 'Residence permit for foreigners'],
        ['SOCIAL_INSURANCE', 'apply', 'Social insurance registration'],
        ['PROFESSIONAL_TITLE', 'apply', 'Professional title evaluation'],
        ['E_SOCIAL_SECURITY_CARD', 'apply', 'Electronic social security card'],
      ],
    });
  });

  it('gives each field in the shape of API.md', () => {
    expect(five.fields.find((f) => f.path === 'applicant.passportNo')).toEqual({
      path: 'applicant.passportNo',
      type: 'string',
      required: true,
      label: { zh: '护照号码', en: 'Passport number' },
      pattern: '^[A-Z0-9]{5,20}$',
      example: 'C01X00T47',
    });
  });

  it('gives enum fields their options', () => {
    expect(five.fields.find((f) => f.path === 'applicant.sex')?.options?.map((o) => o.value)).toEqual(['M', 'F']);
  });

  it('makes a field required when any chosen action requires it', () => {
    const withCard = mergeForm(catalogue, [{ code: 'E_SOCIAL_SECURITY_CARD', action: 'apply' }]);
    expect([withCard.fields.find((f) => f.path === 'applicant.email')?.required, five.fields.find((f) => f.path === 'applicant.email')?.required]).toEqual([false, true]);
  });

  it('makes a document required when any chosen action requires it unconditionally', () => {
    expect(five.materials.find((m) => m.code === 'HIGHEST_DEGREE')).toMatchObject({ required: true, items: ['WORK_PERMIT', 'PROFESSIONAL_TITLE'] });
  });

  it('says when a document asked only in some cases is needed', () => {
    const permit = mergeForm(catalogue, [{ code: 'WORK_PERMIT', action: 'issue' }]);
    expect(permit.materials.find((m) => m.code === 'NO_CRIMINAL_RECORD')).toMatchObject({
      required: false,
      validityMonths: 6,
      condition: { en: 'if you have not held a Chinese work permit in the last 3 years (otherwise waived)' },
    });
  });

  it('does not ask for the work permit proof when the work permit is chosen too', () => {
    expect(five.materials.map((m) => m.code)).not.toContain('WORK_PERMIT_PROOF');
  });

  it('asks for the work permit proof from an applicant who holds the permit', () => {
    const residence = mergeForm(catalogue, [{ code: 'RESIDENCE_PERMIT', action: 'issue' }]);
    expect(residence.materials.find((m) => m.code === 'WORK_PERMIT_PROOF')?.items).toEqual(['RESIDENCE_PERMIT']);
  });

  it('offers the held work permit fields, optional, when the work permit is not chosen', () => {
    const residence = mergeForm(catalogue, [{ code: 'RESIDENCE_PERMIT', action: 'issue' }]);
    expect(residence.fields.filter((f) => f.path.startsWith('holdings.')).map((f) => [f.path, f.required])).toEqual([
      ['holdings.workPermitNo', false],
      ['holdings.workPermitValidTo', false],
    ]);
  });

  it('does not offer the held work permit fields when the work permit is chosen', () => {
    expect(five.fields.filter((f) => f.path.startsWith('holdings.workPermit'))).toEqual([]);
  });

  it('asks the fields of the steps an action runs: an extension re-confirms the category, a change only when the category changes', () => {
    const paths = (action: 'extend' | 'change') => mergeForm(catalogue, [{ code: 'WORK_PERMIT', action }]).fields.map((f) => [f.path, f.required]);
    expect(paths('extend')).toEqual(expect.arrayContaining([['applicant.education', true], ['applicant.chineseLevel', true], ['talent.recognition', false]]));
    // The blank form offers them; validation requires them once the body names a change of category.
    expect(paths('change')).toEqual(expect.arrayContaining([['applicant.education', false], ['change.workPermitItem', true]]));
  });

  it('counts a single item as no reduction', () => {
    const single = mergeForm(catalogue, [{ code: 'WORK_PERMIT', action: 'extend' }]).reduction;
    expect([single.fieldsSeparate - single.fieldsMerged, single.materialsSeparate - single.materialsMerged]).toEqual([0, 0]);
  });

  it('refuses an unknown item, naming it', () => {
    expect(refusal([{ code: 'VISA', action: 'issue' }])).toMatchObject({ code: CatalogueErrorCode.UnknownItem, message: 'VISA is not an item of catalogue 2026.1' });
  });

  it('refuses an action the item does not offer, naming it', () => {
    expect(refusal([{ code: 'SOCIAL_INSURANCE', action: 'extend' }])).toMatchObject({
      code: CatalogueErrorCode.ActionNotOffered,
      message: 'SOCIAL_INSURANCE does not offer the action extend (it offers apply)',
    });
  });

  it('refuses an item chosen twice, naming it', () => {
    expect(
      refusal([
        { code: 'WORK_PERMIT', action: 'issue' },
        { code: 'WORK_PERMIT', action: 'change' },
      ]),
    ).toMatchObject({ code: CatalogueErrorCode.DuplicateItem, message: 'WORK_PERMIT is chosen more than once; choose one action per item' });
  });

  it('refuses a step, naming it', () => {
    expect(refusal([{ code: 'TALENT_CATEGORY', action: 'apply' }])).toMatchObject({
      code: CatalogueErrorCode.StepNotSelectable,
      message: 'TALENT_CATEGORY is a step inside the items that need it and cannot be chosen on its own',
    });
  });

  it('refuses an empty selection', () => {
    expect(refusal([])).toMatchObject({ code: CatalogueErrorCode.EmptySelection });
  });

  it('names every problem of a selection at once', () => {
    expect(
      refusal([
        { code: 'VISA', action: 'issue' },
        { code: 'ABNORMAL_LIST_SCREENING', action: 'apply' },
      ]).details,
    ).toHaveLength(2);
  });
});
