import { dueStateOf, pageSummaryOf, queueRequestOf, queueSearchOf, queueStateOf } from './queue-model';

describe('queue state in the address', () => {
  it('reads status, overdue-only and page, ignoring what it does not know', () => {
    expect(queueStateOf(new URLSearchParams('status=in_review&overdue=1&page=2'))).toEqual({ status: 'in_review', overdueOnly: true, page: 2 });
    expect(queueStateOf(new URLSearchParams('status=maybe&overdue=0&page=-3'))).toEqual({ status: '', overdueOnly: false, page: 0 });
    expect(queueStateOf(new URLSearchParams(''))).toEqual({ status: '', overdueOnly: false, page: 0 });
  });

  it('writes only what differs from the defaults, and reads back the same', () => {
    expect(queueSearchOf({ status: '', overdueOnly: false, page: 0 }).toString()).toBe('');
    const state = { status: 'joint_review' as const, overdueOnly: true, page: 3 };
    expect(queueStateOf(queueSearchOf(state))).toEqual(state);
  });
});

describe(queueRequestOf.name, () => {
  it('pages with limit and offset and leaves unset filters out', () => {
    expect(queueRequestOf({ status: '', overdueOnly: false, page: 0 }, 20)).toEqual({ limit: 20, offset: 0 });
    expect(queueRequestOf({ status: 'pending', overdueOnly: true, page: 2 }, 20)).toEqual({ status: 'pending', overdue: true, limit: 20, offset: 40 });
  });
});

describe(pageSummaryOf.name, () => {
  it('says which rows are shown and whether there are more either side', () => {
    expect(pageSummaryOf(0, 20, 45)).toEqual({ from: 1, to: 20, total: 45, hasPrevious: false, hasNext: true });
    expect(pageSummaryOf(40, 5, 45)).toEqual({ from: 41, to: 45, total: 45, hasPrevious: true, hasNext: false });
    expect(pageSummaryOf(0, 0, 0)).toEqual({ from: 0, to: 0, total: 0, hasPrevious: false, hasNext: false });
  });
});

describe(dueStateOf.name, () => {
  it('puts overdue before anything else and tells a paused clock from no due date', () => {
    expect(dueStateOf({ overdue: true, dueDate: null, status: 'awaiting_supplement' })).toBe('overdue');
    expect(dueStateOf({ overdue: false, dueDate: '2026-12-08', status: 'in_review' })).toBe('running');
    expect(dueStateOf({ overdue: false, dueDate: null, status: 'awaiting_supplement' })).toBe('paused');
    expect(dueStateOf({ overdue: false, dueDate: null, status: 'granted' })).toBe('none');
  });
});
