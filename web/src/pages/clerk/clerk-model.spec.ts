import type { CatalogueItem, CatalogueView } from '../../api/platform-api';
import type { CaseItemView } from '../../api/types';
import {
  followUrl,
  itemsAwaitingDueDate,
  receiptItems,
  receiptMaterials,
  sameSelection,
  selectableItems,
  selectionOf,
  shortReference,
  shouldPollForDueDates,
  timeLimitOf,
} from './clerk-model';

function catalogueItem(code: string, lang: 'zh' | 'en', overrides: Partial<CatalogueItem> = {}): CatalogueItem {
  const word = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  return {
    code,
    kind: 'basic',
    name: word(`${code}-名称`, `${code} name`),
    agency: { code: 'approval', name: word('行政审批服务局', 'Administrative Approval Service Bureau') },
    actions: [
      { action: 'issue', name: word('首次申请', 'First issue'), materials: [{ code: 'PASSPORT', name: word('护照', 'Passport'), required: true }] },
      { action: 'extend', name: word('延期', 'Extension'), timeLimit: { amount: 5, unit: 'working_days' }, materials: [] },
    ],
    prerequisites: [],
    timeLimit: { amount: 10, unit: 'working_days' },
    fee: { kind: 'free' },
    materials: [{ code: 'PHOTO', name: word('照片', 'Photo'), actions: ['issue'] }],
    ...overrides,
  };
}

function catalogue(lang: 'zh' | 'en'): CatalogueView {
  return {
    catalogueVersion: '2026-1',
    lang,
    items: [catalogueItem('WORK_PERMIT', lang), catalogueItem('SOCIAL_INSURANCE', lang, { agency: { code: 'hrss', name: lang === 'zh' ? '人社局' : 'HRSS' }, actions: [{ action: 'apply', name: lang === 'zh' ? '办理' : 'Apply', materials: [] }] })],
    steps: [catalogueItem('TALENT_CATEGORY', lang, { kind: 'step' })],
  };
}

function caseItem(code: string, overrides: Partial<CaseItemView> = {}): CaseItemView {
  return { code, action: 'issue', agency: 'approval', status: 'pending', dueDate: null, reason: null, result: null, requestedMaterials: [], ...overrides };
}

describe('choosing items', () => {
  const items = selectableItems({ items: [...catalogue('en').items, catalogueItem('TALENT_CATEGORY', 'en', { kind: 'step' })] });

  it('offers every item but the steps', () => {
    expect(items.map((item) => item.code)).toEqual(['WORK_PERMIT', 'SOCIAL_INSURANCE']);
    expect(selectableItems(undefined)).toEqual([]);
  });

  it('keeps catalogue order and defaults each action to the first', () => {
    expect(selectionOf(items, ['SOCIAL_INSURANCE', 'WORK_PERMIT'], { WORK_PERMIT: 'extend' })).toEqual([
      { code: 'WORK_PERMIT', action: 'extend' },
      { code: 'SOCIAL_INSURANCE', action: 'apply' },
    ]);
    expect(selectionOf(items, ['WORK_PERMIT'], { WORK_PERMIT: 'nonsense' })).toEqual([{ code: 'WORK_PERMIT', action: 'issue' }]);
    expect(selectionOf(items, ['UNKNOWN'], {})).toEqual([]);
  });

  it('compares selections regardless of order', () => {
    expect(sameSelection([{ code: 'A', action: 'x' }, { code: 'B', action: 'y' }], [{ code: 'B', action: 'y' }, { code: 'A', action: 'x' }])).toBe(true);
    expect(sameSelection([{ code: 'A', action: 'x' }], [{ code: 'A', action: 'z' }])).toBe(false);
    expect(sameSelection([], [{ code: 'A', action: 'x' }])).toBe(false);
  });
});

describe('receipt formatting', () => {
  it('derives a short plain reference from the case id', () => {
    expect(shortReference('3f2a91bc-0d4e-4c1a-9a8e-1234567890ab')).toBe('3F2A-91BC');
    expect(shortReference('ab-c')).toBe('ABC');
  });

  it('links to the case page', () => {
    expect(followUrl('https://wiw.weihai.gov.cn/', 'c 1')).toBe('https://wiw.weihai.gov.cn/cases/c%201');
  });

  it('takes the action’s time limit before the item’s', () => {
    const item = catalogueItem('WORK_PERMIT', 'en');
    expect(timeLimitOf(item, 'extend')).toEqual({ amount: 5, unit: 'working_days' });
    expect(timeLimitOf(item, 'issue')).toEqual({ amount: 10, unit: 'working_days' });
    expect(timeLimitOf(undefined, 'issue')).toBeUndefined();
  });
});

describe('waiting for due dates', () => {
  it('waits for every item not yet final', () => {
    const view = { items: [caseItem('WORK_PERMIT', { dueDate: '2026-03-20' }), caseItem('SOCIAL_INSURANCE'), caseItem('RESIDENCE_PERMIT', { status: 'terminated' })] };
    expect(itemsAwaitingDueDate(view)).toEqual(['SOCIAL_INSURANCE']);
    expect(shouldPollForDueDates(view, 5_000)).toBe(true);
    expect(shouldPollForDueDates(view, 30_000)).toBe(false);
    expect(shouldPollForDueDates({ items: [caseItem('WORK_PERMIT', { dueDate: '2026-03-20' })] }, 0)).toBe(false);
  });
});

describe('receipt rows', () => {
  const catalogues = { zh: catalogue('zh'), en: catalogue('en') };

  it('names every accepted item in both languages with its agency, time limit and due date', () => {
    const rows = receiptItems({ items: [caseItem('WORK_PERMIT', { action: 'extend', dueDate: '2026-03-20', dueDateProvisional: true }), caseItem('SOCIAL_INSURANCE', { action: 'apply', agency: 'hrss' })] }, catalogues);
    expect(rows[0]).toEqual({
      code: 'WORK_PERMIT',
      action: 'extend',
      name: { zh: 'WORK_PERMIT-名称', en: 'WORK_PERMIT name' },
      actionName: { zh: '延期', en: 'Extension' },
      agency: 'approval',
      agencyName: { zh: '行政审批服务局', en: 'Administrative Approval Service Bureau' },
      status: 'pending',
      timeLimit: { amount: 5, unit: 'working_days' },
      dueDate: '2026-03-20',
      dueDateProvisional: true,
    });
    expect(rows[1]).toMatchObject({ agencyName: { zh: '人社局', en: 'HRSS' }, timeLimit: { amount: 10, unit: 'working_days' }, dueDate: null, dueDateProvisional: false });
  });

  it('falls back to codes without the catalogue', () => {
    const [row] = receiptItems({ items: [caseItem('TALENT_X')] }, {});
    expect(row).toMatchObject({ name: { zh: 'TALENT_X', en: 'TALENT_X' }, actionName: { zh: 'issue', en: 'issue' }, timeLimit: undefined });
    expect(row.agencyName).toBeUndefined();
  });

  it('lists the materials received, named from the items’ materials or actions', () => {
    const rows = receiptMaterials(
      {
        materials: [
          { code: 'PHOTO', sha256: 'a', fileName: 'photo.jpg', issuedAt: '2026-02-01' },
          { code: 'PASSPORT', sha256: 'b', fileName: 'passport.pdf' },
          { code: 'OTHER', sha256: 'c', fileName: 'x.pdf', issuedAt: '2026-01-01' },
        ],
      },
      catalogues,
    );
    expect(rows).toEqual([
      { code: 'PHOTO', name: { zh: '照片', en: 'Photo' }, fileName: 'photo.jpg', issuedAt: '2026-02-01' },
      { code: 'PASSPORT', name: { zh: '护照', en: 'Passport' }, fileName: 'passport.pdf', issuedAt: '' },
      { code: 'OTHER', name: { zh: 'OTHER', en: 'OTHER' }, fileName: 'x.pdf', issuedAt: '2026-01-01' },
    ]);
    expect(receiptMaterials({}, catalogues)).toEqual([]);
  });
});
