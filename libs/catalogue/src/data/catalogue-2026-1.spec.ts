import { type CatalogueParameters, SOCIAL_INSURANCES } from '../model/catalogue-parameters.model';
import type { CatalogueItem, Localized } from '../model/catalogue.model';
import { catalogueProblems } from '../registry/catalogue-consistency';
import { fieldValueProblem } from '../validation/field-value.validator';
import { TODAY } from '../testing/example-body';
import { residencePermitItem } from './2026-1/items/residence-permit.item';
import { workPermitItem } from './2026-1/items/work-permit.item';
import { PARAMETERS_2026_1 } from './2026-1/parameters-2026-1';
import { CATALOGUE_2026_1 } from './catalogue-2026-1';

const catalogue = CATALOGUE_2026_1;
const p = catalogue.parameters;
const item = (code: string): CatalogueItem => catalogue.items.find((i) => i.code === code)!;
const action = (code: string, name: string) => item(code).actions.find((a) => a.action === name)!;
const examples = new Map(catalogue.fields.map((f) => [f.path, f.example]));

function texts(value: unknown): Localized[] {
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value === null || typeof value !== 'object') return [];
  const keys = Object.keys(value);
  if (keys.length === 2 && keys.includes('zh') && keys.includes('en')) return [value as Localized];
  return Object.values(value).flatMap(texts);
}

describe('CATALOGUE_2026_1', () => {
  it('is consistent', () => {
    expect(catalogueProblems(catalogue)).toEqual([]);
  });

  it('is version 2026.1', () => {
    expect(catalogue.version).toBe('2026.1');
  });

  it.each([
    ['WORK_PERMIT', 'basic', 'approval', ['issue', 'change', 'extend']],
    ['RESIDENCE_PERMIT', 'basic', 'psb', ['issue', 'change', 'extend']],
    ['SOCIAL_INSURANCE', 'basic', 'hrss', ['apply']],
    ['PROFESSIONAL_TITLE', 'basic', 'hrss', ['apply']],
    ['E_SOCIAL_SECURITY_CARD', 'extended', 'hrss', ['apply']],
    ['TALENT_CATEGORY', 'step', 'scitech', ['apply']],
    ['ABNORMAL_LIST_SCREENING', 'step', 'bigdata', ['apply']],
  ])('defines %s as a %s item of %s offering %j', (code, kind, agency, actions) => {
    const defined = item(code);
    expect({ kind: defined.kind, agency: defined.agency, actions: defined.actions.map((a) => a.action) }).toEqual({ kind, agency, actions });
  });

  it('feeds the work permit from the two steps', () => {
    expect(item('WORK_PERMIT').prerequisites).toEqual(['TALENT_CATEGORY', 'ABNORMAL_LIST_SCREENING']);
  });

  it.each(['RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'PROFESSIONAL_TITLE', 'E_SOCIAL_SECURITY_CARD'])('makes %s wait for the work permit', (code) => {
    expect(item(code).prerequisites).toEqual(['WORK_PERMIT']);
  });

  it('lets a held work permit be shown by its number and expiry date', () => {
    expect([item('WORK_PERMIT').heldEvidenceField, item('WORK_PERMIT').heldValidToField]).toEqual(['holdings.workPermitNo', 'holdings.workPermitValidTo']);
  });

  it('decides only the professional title by hand by default', () => {
    expect(catalogue.items.filter((i) => i.manualByDefault).map((i) => i.code)).toEqual(['PROFESSIONAL_TITLE']);
  });

  it.each(catalogue.fields.map((field) => [field.path, field] as const))('gives %s an example that passes its own validation', (_path, field) => {
    expect(fieldValueProblem(field, field.example, { today: TODAY, valueOf: (path) => examples.get(path) })).toBeUndefined();
  });

  it('gives every text in Chinese and English', () => {
    const blank = texts(catalogue).filter((text) => text.zh.trim() === '' || text.en.trim() === '');
    expect(blank).toEqual([]);
  });

  it('gives every item a legal basis, conditions, a result and a supporting system', () => {
    const incomplete = catalogue.items.filter((i) => i.legalBasis.length === 0 || i.conditions.length === 0 || !i.result.en || !i.supportingSystem.en);
    expect(incomplete.map((i) => i.code)).toEqual([]);
  });

  it('decides the residence permit in 15 calendar days', () => {
    expect(item('RESIDENCE_PERMIT').timeLimit).toMatchObject({ amount: 15, unit: 'calendar_days' });
  });

  it('reviews the work permit in 10 working days, saying 5 for category A', () => {
    expect(item('WORK_PERMIT').timeLimit).toMatchObject({ amount: 10, unit: 'working_days', note: { en: expect.stringContaining('5 working days for category A') } });
  });

  it('charges the residence permit 400, 800 and 1,000 RMB by validity', () => {
    expect(item('RESIDENCE_PERMIT').fee).toMatchObject({
      kind: 'by_validity',
      bands: [
        { belowMonths: 12, feeCny: 400 },
        { belowMonths: 36, feeCny: 800 },
        { belowMonths: 61, feeCny: 1000 },
      ],
    });
  });

  it('charges nothing for every other item', () => {
    expect(catalogue.items.filter((i) => i.fee.kind !== 'free').map((i) => i.code)).toEqual(['RESIDENCE_PERMIT']);
  });

  it.each([
    ['NO_CRIMINAL_RECORD', 6],
    ['HEALTH_CERTIFICATE', 6],
    ['PHOTO', 6],
  ])('wants %s issued within %i months', (code, months) => {
    expect(catalogue.materials.find((m) => m.code === code)?.validityMonths).toBe(months);
  });

  it('waives the degree and criminal-record certificates for a permit held in the last 3 years', () => {
    const waivable = action('WORK_PERMIT', 'issue').materials.filter((m) => m.condition?.en.includes('in the last 3 years'));
    expect(waivable.map((m) => [m.code, m.required])).toEqual([
      ['HIGHEST_DEGREE', false],
      ['NO_CRIMINAL_RECORD', false],
    ]);
  });

  it('files a work permit extension 30 to 90 days before expiry of the permit held', () => {
    expect(action('WORK_PERMIT', 'extend').window).toEqual({ kind: 'before_expiry', expiryField: 'holdings.workPermitValidTo', minDays: 30, maxDays: 90 });
  });

  it('files a work permit change within 10 days of the change', () => {
    expect(action('WORK_PERMIT', 'change').window).toEqual({ kind: 'after_event', eventDateField: 'change.occurredOn', maxDays: 10 });
  });

  it('files a residence permit extension at least 30 days before expiry, with no earliest day (Exit-Entry Law Art. 32)', () => {
    expect(action('RESIDENCE_PERMIT', 'extend').window).toEqual({ kind: 'before_expiry', expiryField: 'holdings.residencePermitValidTo', minDays: 30 });
  });

  it('files a residence permit change within 10 days of the change', () => {
    expect(action('RESIDENCE_PERMIT', 'change').window).toEqual({ kind: 'after_event', eventDateField: 'change.occurredOn', maxDays: 10 });
  });

  it('classifies talent with the thresholds of the classification standard', () => {
    expect(p.talentClassification).toEqual({
      minimumAge: 18,
      categoryA: { salaryMultipleOfLocalAverage: 6, minimumPoints: 85 },
      categoryB: { minimumEducation: 'bachelor', minimumExperienceYears: 2, salaryMultipleOfLocalAverage: 4, minimumPoints: 60, maximumAge: 60 },
    });
  });

  it('keeps a points table whose factors add up to its maximum of 120', () => {
    const points = p.points;
    const best =
      points.annualSalary.bands[0].points +
      Math.max(...Object.values(points.education)) +
      points.workExperience.maximum +
      points.monthsPerYearInChina.bands[0].points +
      Math.max(...Object.values(points.chineseLevel)) +
      points.workLocation.designatedRegionPoints +
      Math.max(...points.age.bands.map((b) => b.points)) +
      points.extras.maximum +
      points.localBonus.maximum;
    expect(best).toBe(points.maximumTotal);
  });

  it('orders every points band from the highest threshold down', () => {
    for (const bands of [p.points.annualSalary.bands, p.points.monthsPerYearInChina.bands, p.points.age.bands]) {
      const thresholds = bands.map((b) => b.atLeast);
      expect(thresholds).toEqual([...thresholds].sort((a, b) => b - a));
    }
  });

  it('caps permit terms at 5, 2 and 1 years for A, B and C', () => {
    expect(p.workPermit.termCapYears).toEqual({ A: 5, B: 2, C: 1 });
  });

  it('lists each social security agreement by its ISO alpha-3 code with the insurances it exempts', () => {
    const agreements = Object.entries(p.socialInsurance.agreements);
    expect(agreements.every(([code]) => /^[A-Z]{3}$/.test(code))).toBe(true);
    expect(agreements.every(([, agreement]) => agreement.exempt.length > 0 && agreement.exempt.every((insurance) => SOCIAL_INSURANCES.includes(insurance)))).toBe(true);
    expect(p.socialInsurance.agreements['DEU'].exempt).toEqual(['pension', 'unemployment']);
    expect(p.socialInsurance.agreements['KOR'].exempt).toEqual(['pension']);
  });

  it('gives the work permit its statutory limit of 20 working days, extendable by 10', () => {
    expect(catalogue.items.find((item) => item.code === 'WORK_PERMIT')?.statutoryLimit).toEqual({ amount: 20, unit: 'working_days', extendableBy: 10 });
  });

  it('tests each conditional document on the case body, keeping its words for the guide and the form', () => {
    const conditional = catalogue.items.flatMap((item) => item.actions.flatMap((a) => a.materials.filter((m) => !m.required).map((m) => [item.code, a.action, m.code, m.when?.length ?? 0, Boolean(m.condition)])));
    expect(conditional.length).toBeGreaterThan(0);
    expect(conditional.every(([, , , tests, words]) => (tests as number) > 0 && words)).toBe(true);
  });

  it('does not offer Chinese, Hong Kong, Macao or Taiwan nationality to a foreigner', () => {
    const nationality = catalogue.fields.find((f) => f.path === 'applicant.nationality')!;
    expect(nationality.options?.filter((o) => ['CHN', 'HKG', 'MAC', 'TWN'].includes(o.value))).toEqual([]);
  });

  it('builds the items from the parameters, so a changed parameter changes the windows', () => {
    const changed: CatalogueParameters = { ...PARAMETERS_2026_1, workPermit: { ...PARAMETERS_2026_1.workPermit, changeWindowDays: 7 } };
    expect(workPermitItem(changed).actions.find((a) => a.action === 'change')?.window).toMatchObject({ maxDays: 7 });
  });

  it('builds the residence permit fee from the parameters', () => {
    const changed: CatalogueParameters = {
      ...PARAMETERS_2026_1,
      residencePermit: { ...PARAMETERS_2026_1.residencePermit, feeBands: [{ belowMonths: 61, feeCny: 500 }] },
    };
    expect(residencePermitItem(changed).fee).toMatchObject({ bands: [{ belowMonths: 61, feeCny: 500 }] });
  });
});
