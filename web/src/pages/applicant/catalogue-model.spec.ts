import type { CatalogueItem, CatalogueView } from '../../api/platform-api';
import { actionOf, defaultAction, feeLines, itemNames, materialInfo, missingPrerequisites, reductionRows, refusalLines, selectableItems, selectionOf } from './catalogue-model';

const timeLimit = { amount: 10, unit: 'working_days' as const };
const item = (code: string, extra: Partial<CatalogueItem> = {}): CatalogueItem => ({
  code,
  kind: 'basic',
  name: `${code} name`,
  agency: { code: 'approval', name: 'Approval' },
  actions: [
    { action: 'issue', name: 'Issue', materials: [] },
    { action: 'change', name: 'Change', materials: [] },
  ],
  prerequisites: [],
  timeLimit,
  fee: { kind: 'free' },
  materials: [],
  ...extra,
});

const workPermit = item('WORK_PERMIT', {
  prerequisites: [{ code: 'TALENT_CATEGORY', name: 'Talent category', kind: 'step' }],
  materials: [
    { code: 'PASSPORT', name: 'Passport', actions: ['issue'] },
    { code: 'PHOTO', name: 'Photo', validityMonths: 6, actions: ['issue'] },
  ],
});
const residence = item('RESIDENCE_PERMIT', { prerequisites: [{ code: 'WORK_PERMIT', name: 'Work permit', kind: 'basic' }], materials: [{ code: 'PASSPORT', name: 'Passport again', actions: ['issue'] }] });
const social = item('SOCIAL_INSURANCE', { actions: [{ action: 'apply', name: 'Register', materials: [] }] });
const catalogue: CatalogueView = { catalogueVersion: '2026.1', lang: 'en', items: [workPermit, residence, social], steps: [item('TALENT_CATEGORY', { kind: 'step' })] };

describe('the catalogue helpers', () => {
  it('offers basic and extended items, not steps', () => {
    expect(selectableItems({ ...catalogue, items: [...catalogue.items, item('X', { kind: 'step' })] }).map((i) => i.code)).toEqual(['WORK_PERMIT', 'RESIDENCE_PERMIT', 'SOCIAL_INSURANCE']);
  });

  it('defaults to the first application: issue for permits, apply for the others', () => {
    expect(defaultAction(workPermit)).toBe('issue');
    expect(defaultAction(social)).toBe('apply');
    expect(defaultAction({ actions: [{ action: 'extend', name: 'Extend', materials: [] }] })).toBe('extend');
  });

  it('builds the selection in catalogue order with valid actions only', () => {
    const chosen = new Set(['SOCIAL_INSURANCE', 'WORK_PERMIT']);
    expect(selectionOf(catalogue.items, chosen, { WORK_PERMIT: 'change', SOCIAL_INSURANCE: 'issue' })).toEqual([
      { code: 'WORK_PERMIT', action: 'change' },
      { code: 'SOCIAL_INSURANCE', action: 'apply' },
    ]);
  });

  it('keeps a chosen action only when the item has it', () => {
    expect(actionOf(workPermit, { WORK_PERMIT: 'change' })).toBe('change');
    expect(actionOf(social, { SOCIAL_INSURANCE: 'extend' })).toBe('apply');
  });

  it('names the prerequisites not chosen, leaving the steps out', () => {
    expect(missingPrerequisites(residence, new Set(['RESIDENCE_PERMIT']))).toEqual([{ code: 'WORK_PERMIT', name: 'Work permit' }]);
    expect(missingPrerequisites(residence, new Set(['RESIDENCE_PERMIT', 'WORK_PERMIT']))).toEqual([]);
    expect(missingPrerequisites(workPermit, new Set())).toEqual([]);
  });

  it('names items and materials by code', () => {
    expect(itemNames(catalogue)).toMatchObject({ WORK_PERMIT: 'WORK_PERMIT name', TALENT_CATEGORY: 'TALENT_CATEGORY name' });
    expect(itemNames(undefined)).toEqual({});
    expect(materialInfo(catalogue)).toEqual({ PASSPORT: { name: 'Passport' }, PHOTO: { name: 'Photo', validityMonths: 6 } });
  });
});

describe('reductionRows', () => {
  it('shows what the one form saves', () => {
    expect(reductionRows({ fieldsSeparate: 50, fieldsMerged: 31, materialsSeparate: 20, materialsMerged: 14 })).toEqual([
      { what: 'fields', separate: 50, merged: 31, saved: 19 },
      { what: 'materials', separate: 20, merged: 14, saved: 6 },
    ]);
  });
});

describe('feeLines', () => {
  it('says free, or one line per validity band', () => {
    expect(feeLines({ kind: 'free', note: 'to be confirmed' })).toEqual([{ key: 'free' }]);
    expect(
      feeLines({
        kind: 'by_validity',
        bands: [
          { fromMonths: 0, belowMonths: 12, feeCny: 400 },
          { fromMonths: 12, belowMonths: 36, feeCny: 800 },
        ],
      }),
    ).toEqual([
      { key: 'bandFirst', params: { from: 0, below: 12, fee: 400 } },
      { key: 'band', params: { from: 12, below: 36, fee: 800 } },
    ]);
  });
});

describe('refusalLines', () => {
  const details = [
    { field: 'items.0', item: 'RESIDENCE_PERMIT', code: 'prerequisite_missing', message: 'needs the work permit', messageZh: '需要工作许可' },
    { field: 'items', message: 'unknown item' },
  ];
  it('gives each refused item the message in the reader language', () => {
    expect(refusalLines(details, 'zh')).toEqual([{ item: 'RESIDENCE_PERMIT', message: '需要工作许可' }, { message: 'items: unknown item' }]);
    expect(refusalLines(details, 'en')[0]).toEqual({ item: 'RESIDENCE_PERMIT', message: 'needs the work permit' });
  });
});
