import { CatalogueErrorCode } from '../catalogue.exception';
import type { Lang } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { describeCatalogue } from './catalogue.view';

const catalogue = getCatalogue();
const en = describeCatalogue(catalogue, 'en');
const view = (code: string) => [...en.items, ...en.steps].find((i) => i.code === code)!;

describe(describeCatalogue.name, () => {
  it('lists the five selectable items', () => {
    expect(en.items.map((i) => i.code)).toEqual(['WORK_PERMIT', 'RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'PROFESSIONAL_TITLE', 'E_SOCIAL_SECURITY_CARD']);
  });

  it('lists the steps apart', () => {
    expect(en.steps.map((i) => i.code)).toEqual(['TALENT_CATEGORY', 'ABNORMAL_LIST_SCREENING']);
  });

  it('carries the version and language', () => {
    expect([en.catalogueVersion, en.lang]).toEqual(['2026.1', 'en']);
  });

  it.each<[Lang, string]>([
    ['zh', '外国人来华工作许可'],
    ['en', 'Work permit for foreigners working in China'],
  ])('names the items in %s', (lang, name) => {
    expect(describeCatalogue(catalogue, lang).items[0].name).toBe(name);
  });

  it('speaks Chinese by default', () => {
    expect(describeCatalogue(catalogue).lang).toBe('zh');
  });

  it('gives every basic element of an item', () => {
    expect(Object.keys(view('SOCIAL_INSURANCE')).sort()).toEqual(
      ['actions', 'agency', 'code', 'conditions', 'fee', 'kind', 'legalBasis', 'manualByDefault', 'materials', 'name', 'prerequisites', 'result', 'supportingSystem', 'timeLimit'].sort(),
    );
  });

  it('names the owning agency', () => {
    expect(view('RESIDENCE_PERMIT').agency).toEqual({ code: 'psb', name: 'Weihai Public Security Bureau, Exit-Entry Administration' });
  });

  it('names the prerequisites', () => {
    expect(view('WORK_PERMIT').prerequisites).toEqual([
      { code: 'TALENT_CATEGORY', name: 'Talent category confirmation (points)', kind: 'step' },
      { code: 'ABNORMAL_LIST_SCREENING', name: 'Abnormal-information list screening', kind: 'step' },
    ]);
  });

  it('gives a working-day time limit in working days', () => {
    expect(view('WORK_PERMIT').timeLimit).toMatchObject({ amount: 10, unit: 'working_days' });
  });

  it('gives the residence permit its 15 calendar days as such, not converted', () => {
    expect(view('RESIDENCE_PERMIT').timeLimit).toMatchObject({ amount: 15, unit: 'calendar_days' });
  });

  it('gives the residence permit fee bands with both ends', () => {
    expect(view('RESIDENCE_PERMIT').fee).toMatchObject({
      kind: 'by_validity',
      bands: [
        { fromMonths: 0, belowMonths: 12, feeCny: 400 },
        { fromMonths: 12, belowMonths: 36, feeCny: 800 },
        { fromMonths: 36, belowMonths: 61, feeCny: 1000 },
      ],
    });
  });

  it('gives the materials of each action with their conditions', () => {
    const issue = view('WORK_PERMIT').actions.find((a) => a.action === 'issue')!;
    expect(issue.materials.find((m) => m.code === 'RESIGNATION_PROOF')).toEqual({
      code: 'RESIGNATION_PROOF',
      name: 'Proof of resignation from, or cancellation by, the previous employer',
      required: false,
      condition: 'for a transfer from another employer in China',
    });
  });

  it('gives the filing windows of changes and extensions', () => {
    expect(view('WORK_PERMIT').actions.map((a) => a.window)).toEqual([
      undefined,
      { kind: 'after_event', field: 'change.occurredOn', maxDays: 10 },
      { kind: 'before_expiry', field: 'holdings.workPermitValidTo', minDays: 30, maxDays: 90 },
    ]);
  });

  it('lists every material of an item once with the actions asking it', () => {
    expect(view('RESIDENCE_PERMIT').materials.find((m) => m.code === 'PASSPORT')?.actions).toEqual(['issue', 'change', 'extend']);
  });

  it('says which fields show the work permit is held', () => {
    expect(view('WORK_PERMIT').heldEvidenceFields).toEqual(['holdings.workPermitNo', 'holdings.workPermitValidTo']);
  });

  it('refuses an unsupported language', () => {
    expect(() => describeCatalogue(catalogue, 'fr' as Lang)).toThrow(expect.objectContaining({ code: CatalogueErrorCode.InvalidArgument }));
  });
});
