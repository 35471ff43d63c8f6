import type { CatalogueItem } from '../../api/platform-api';
import { canSupplement, canWithdraw, isOverdue, resultEntries, shortId, supplementProblems, supplementSlots, timelineInOrder } from './case-model';

describe('isOverdue', () => {
  it('marks open items past their due date only', () => {
    expect(isOverdue({ dueDate: '2026-03-01', status: 'in_review' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-02', status: 'in_review' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-01', status: 'granted' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: null, status: 'pending' }, '2026-03-02')).toBe(false);
  });
});

describe('resultEntries', () => {
  it('shows the known keys in order, then the others as they are', () => {
    const entries = resultEntries({ route: 'fast', points: 92, permitNo: 'WP-1', category: 'A', attributes: { cardNo: 'C-7' }, extra: { a: 1 }, empty: null });
    expect(entries).toEqual([
      { key: 'permitNo', known: true, value: 'WP-1' },
      { key: 'category', known: true, value: 'A' },
      { key: 'points', known: true, value: '92' },
      { key: 'route', known: false, value: 'fast' },
      { key: 'cardNo', known: false, value: 'C-7' },
      { key: 'extra', known: false, value: '{"a":1}' },
    ]);
    expect(resultEntries(null)).toEqual([]);
  });
});

describe('timelineInOrder', () => {
  it('sorts oldest first and keeps ties in the server order', () => {
    const timeline = [
      { at: '2026-03-02T01:00:00.000Z', type: 'decided' },
      { at: '2026-03-01T01:00:00.000Z', type: 'submitted' },
      { at: '2026-03-01T02:00:00.000Z', type: 'review_started', item: 'A' },
      { at: '2026-03-01T02:00:00.000Z', type: 'review_started', item: 'B' },
    ];
    expect(timelineInOrder(timeline).map((entry) => `${entry.type}${entry.item ?? ''}`)).toEqual(['submitted', 'review_startedA', 'review_startedB', 'decided']);
    expect(timelineInOrder(undefined)).toEqual([]);
  });
});

describe('who may do what', () => {
  const open = { status: 'in_progress' as const, items: [{ status: 'in_review' as const }] } as never;
  const finalItems = { status: 'in_progress' as const, items: [{ status: 'granted' as const }] } as never;
  it('lets the applicant or employer withdraw an open case', () => {
    expect(canWithdraw('applicant', open)).toBe(true);
    expect(canWithdraw('employer', open)).toBe(true);
    expect(canWithdraw('clerk', open)).toBe(false);
    expect(canWithdraw('applicant', finalItems)).toBe(false);
    expect(canWithdraw('applicant', { status: 'completed', items: [] })).toBe(false);
  });
  it('lets the parties and the clerk answer supplement requests', () => {
    expect(['applicant', 'employer', 'clerk', 'officer', 'admin'].map((role) => canSupplement(role as never))).toEqual([true, true, true, false, false]);
  });
});

describe('supplement slots and problems', () => {
  const materials = { PASSPORT: { name: 'Passport' }, PHOTO: { name: 'Photo', validityMonths: 6 } };
  const catalogueItem = { actions: [{ action: 'issue', name: 'Issue', materials: [{ code: 'PASSPORT', name: 'Passport', required: true }] }] } as unknown as CatalogueItem;

  it('asks for the requested documents, or any of the action when none is named', () => {
    expect(supplementSlots({ action: 'issue', requestedMaterials: ['PHOTO', 'PHOTO', 'OTHER'] }, catalogueItem, materials)).toEqual([
      { code: 'PHOTO', name: 'Photo', required: true, validityMonths: 6 },
      { code: 'OTHER', name: 'OTHER', required: true },
    ]);
    expect(supplementSlots({ action: 'issue', requestedMaterials: [] }, catalogueItem, materials)).toEqual([{ code: 'PASSPORT', name: 'Passport', required: false }]);
  });

  it('names what is still missing before sending', () => {
    const slots = [
      { code: 'PHOTO', name: 'Photo', required: true },
      { code: 'PASSPORT', name: 'Passport', required: false },
    ];
    expect(supplementProblems(slots, {})).toEqual({ missing: ['PHOTO'], undated: [], empty: true });
    expect(supplementProblems(slots, { PHOTO: { code: 'PHOTO', sha256: 'a', fileName: 'p.png', issuedAt: '' } })).toEqual({ missing: [], undated: ['PHOTO'], empty: false });
  });

  it('shortens case ids', () => {
    expect(shortId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('0f8fad5b');
  });
});
