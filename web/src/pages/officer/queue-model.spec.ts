import type { CatalogueView } from '../../api/platform-api';
import {
  agencyItemCodesOf,
  applicantLabelOf,
  ariaSortOf,
  DEFAULT_QUEUE_STATE,
  dueStateOf,
  pageSummaryOf,
  queueRequestOf,
  queueSearchOf,
  queueStateOf,
  type QueueState,
  sortByColumn,
  timeLeftOf,
  urgencyOf,
} from './queue-model';

const state = (patch: Partial<QueueState> = {}): QueueState => ({ ...DEFAULT_QUEUE_STATE, ...patch });

describe('queue state in the address', () => {
  it('reads status, item, overdue-only, search, sort, order and page, ignoring what it does not know', () => {
    expect(queueStateOf(new URLSearchParams('status=in_review&item=WORK_PERMIT&overdue=1&q=%20muster%20&sort=due&order=desc&page=2'))).toEqual({
      status: 'in_review',
      item: 'WORK_PERMIT',
      overdueOnly: true,
      search: 'muster',
      sort: 'due',
      order: 'desc',
      page: 2,
    });
    expect(queueStateOf(new URLSearchParams('status=maybe&item=work%20permit&overdue=0&sort=name&order=desc&page=-3'))).toEqual(DEFAULT_QUEUE_STATE);
    expect(queueStateOf(new URLSearchParams(''))).toEqual(DEFAULT_QUEUE_STATE);
  });

  it('has one direction for the priority order, and keeps a search within the API’s 100 characters', () => {
    expect(queueStateOf(new URLSearchParams('sort=priority&order=desc'))).toMatchObject({ sort: 'priority', order: 'asc' });
    expect(queueStateOf(new URLSearchParams(`q=${'x'.repeat(150)}`)).search).toHaveLength(100);
  });

  it('writes only what differs from the defaults, and reads back the same', () => {
    expect(queueSearchOf(DEFAULT_QUEUE_STATE).toString()).toBe('');
    const filtered = state({ status: 'joint_review', item: 'TALENT_CATEGORY', overdueOnly: true, search: 'c0ffee', sort: 'submitted', order: 'desc', page: 3 });
    expect(queueStateOf(queueSearchOf(filtered))).toEqual(filtered);
    expect(queueSearchOf(state({ sort: 'item' })).toString()).toBe('sort=item');
  });
});

describe(queueRequestOf.name, () => {
  it('pages with limit and offset and leaves unset filters and the default order out', () => {
    expect(queueRequestOf(DEFAULT_QUEUE_STATE, 20)).toEqual({ limit: 20, offset: 0 });
    expect(queueRequestOf(state({ status: 'pending', overdueOnly: true, page: 2 }), 20)).toEqual({ status: 'pending', overdue: true, limit: 20, offset: 40 });
  });

  it('asks the service to filter by item and text and to sort, so the order holds across pages', () => {
    expect(queueRequestOf(state({ item: 'WORK_PERMIT', search: '  Erika ', sort: 'due', order: 'desc' }), 20)).toEqual({ item: 'WORK_PERMIT', q: 'Erika', sort: 'due', order: 'desc', limit: 20, offset: 0 });
    expect(queueRequestOf(state({ sort: 'status' }), 20)).toEqual({ sort: 'status', limit: 20, offset: 0 });
    expect(queueRequestOf(state({ search: '   ' }), 20)).toEqual({ limit: 20, offset: 0 });
  });
});

describe(sortByColumn.name, () => {
  it('sorts by a new column from the top and back to page 1, and turns the order round on a second click', () => {
    const first = sortByColumn(state({ page: 4 }), 'due');
    expect(first).toMatchObject({ sort: 'due', order: 'asc', page: 0 });
    expect(sortByColumn(first, 'due')).toMatchObject({ sort: 'due', order: 'desc' });
    expect(sortByColumn(sortByColumn(first, 'due'), 'due')).toMatchObject({ sort: 'due', order: 'asc' });
    expect(sortByColumn(state({ sort: 'due', order: 'desc' }), 'submitted')).toMatchObject({ sort: 'submitted', order: 'asc' });
  });

  it('says which column is sorted and how, for assistive technology', () => {
    expect(ariaSortOf(state({ sort: 'due', order: 'desc' }), 'due')).toBe('descending');
    expect(ariaSortOf(state({ sort: 'due' }), 'due')).toBe('ascending');
    expect(ariaSortOf(state({ sort: 'due' }), 'item')).toBe('none');
  });
});

describe(agencyItemCodesOf.name, () => {
  it('offers the items and steps of the officer’s own agency', () => {
    const entry = (code: string, agency: 'approval' | 'scitech' | 'hrss') => ({ code, kind: 'basic' as const, name: code, agency: { code: agency, name: agency }, actions: [] });
    const catalogue = { items: [entry('WORK_PERMIT', 'approval'), entry('SOCIAL_INSURANCE', 'hrss'), entry('PROFESSIONAL_TITLE', 'hrss')], steps: [entry('TALENT_CATEGORY', 'scitech')] } as unknown as CatalogueView;
    expect(agencyItemCodesOf(catalogue, 'hrss')).toEqual(['SOCIAL_INSURANCE', 'PROFESSIONAL_TITLE']);
    expect(agencyItemCodesOf(catalogue, 'scitech')).toEqual(['TALENT_CATEGORY']);
    expect(agencyItemCodesOf(undefined, 'hrss')).toEqual([]);
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

describe(timeLeftOf.name, () => {
  const item = (patch: Partial<Parameters<typeof timeLeftOf>[0]>) => ({ overdue: false, dueDate: '2026-03-04', status: 'in_review' as const, workingDaysLeft: 10, calendarDaysLeft: 20, ...patch });

  it('gives the working days left as the service counts them', () => {
    expect(timeLeftOf(item({}))).toEqual({ kind: 'left', workingDays: 10, calendarDays: null });
    // A calendar-day limit (the residence permit's) shows its calendar days beside.
    expect(timeLeftOf(item({ workingDaysLeft: 9, calendarDaysLeft: 13, timeLimit: { amount: 15, unit: 'calendar_days' } }))).toEqual({ kind: 'left', workingDays: 9, calendarDays: 13 });
    // Only days off before a due date that is not a working day.
    expect(timeLeftOf(item({ workingDaysLeft: 0, calendarDaysLeft: 2 }))).toEqual({ kind: 'left', workingDays: 0, calendarDays: null });
    expect(timeLeftOf(item({ workingDaysLeft: 0, calendarDaysLeft: 0 }))).toEqual({ kind: 'dueToday' });
  });

  it('says by how many working days an item is overdue, and just overdue while none has passed', () => {
    expect(timeLeftOf(item({ overdue: true, workingDaysLeft: -6, calendarDaysLeft: -15 }))).toEqual({ kind: 'overdue', workingDays: 6 });
    // The day after a due date that falls before the Spring Festival: overdue, no working day gone yet.
    expect(timeLeftOf(item({ overdue: true, workingDaysLeft: 0, calendarDaysLeft: -1 }))).toEqual({ kind: 'overdue', workingDays: null });
    // Announced overdue before a pause moved the due date on.
    expect(timeLeftOf(item({ overdue: true, workingDaysLeft: 3 }))).toEqual({ kind: 'overdue', workingDays: null });
    expect(timeLeftOf(item({ overdue: false, workingDaysLeft: -2, calendarDaysLeft: -3 }))).toEqual({ kind: 'overdue', workingDays: 2 });
  });

  it('tells a paused clock from an item with no time left to count', () => {
    expect(timeLeftOf(item({ status: 'awaiting_supplement', dueDate: null, workingDaysLeft: null, calendarDaysLeft: null }))).toEqual({ kind: 'paused' });
    expect(timeLeftOf(item({ status: 'granted', workingDaysLeft: null, calendarDaysLeft: null }))).toEqual({ kind: 'none' });
    // An older service without the count.
    expect(timeLeftOf({ overdue: false, dueDate: '2026-03-04', status: 'in_review' })).toEqual({ kind: 'none' });
  });

  it('marks overdue and nearly due rows', () => {
    expect(urgencyOf({ kind: 'overdue', workingDays: 1 })).toBe('overdue');
    expect(urgencyOf({ kind: 'dueToday' })).toBe('soon');
    expect(urgencyOf({ kind: 'left', workingDays: 2, calendarDays: null })).toBe('soon');
    expect(urgencyOf({ kind: 'left', workingDays: 3, calendarDays: null })).toBeUndefined();
    expect(urgencyOf({ kind: 'paused' })).toBeUndefined();
  });
});

describe(applicantLabelOf.name, () => {
  it('shows the name the scope releases, else says whether the scope holds names at all', () => {
    expect(applicantLabelOf({ applicantName: ' MUSTER Erika ' }, true)).toEqual({ kind: 'name', name: 'MUSTER Erika' });
    expect(applicantLabelOf({ applicantName: null }, false)).toEqual({ kind: 'outOfScope' });
    expect(applicantLabelOf({ applicantName: null }, true)).toEqual({ kind: 'unknown' });
    expect(applicantLabelOf({}, undefined)).toEqual({ kind: 'unknown' });
  });
});
