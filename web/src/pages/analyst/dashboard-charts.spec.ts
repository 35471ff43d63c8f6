import {
  barChartHeight,
  blockingChartRows,
  blockingOption,
  blockingRows,
  blockingUnit,
  dailyOption,
  dailyRows,
  dailySummary,
  decisionOption,
  decisionRows,
  decisionUnit,
  durationUnitFor,
  highest,
  inUnit,
  percent,
  rateOption,
  rateRows,
  reasonRows,
  shortDay,
  slowestDecision,
  statusOption,
  statusRows,
  stepName,
  workingDayDecisionRows,
} from './dashboard-charts';
import { type ItemStats, parseStats } from './stats-view';

function item(overrides: Partial<ItemStats> & { item: string }): ItemStats {
  return {
    agency: null,
    total: 0,
    open: 0,
    granted: 0,
    rejected: 0,
    terminated: 0,
    withdrawn: 0,
    decisionHours: { count: 0, median: null, p90: null },
    decisionWorkingDays: null,
    supplementRate: 0,
    rejectionRate: null,
    topRejectionReasons: [],
    topSupplementReasons: [],
    topRequestedMaterials: [],
    everOverdue: 0,
    ...overrides,
  };
}

const names = { item: (code: string) => `name:${code}`, status: (status: string) => `status:${status}`, state: (state: string) => `state:${state}` };
const seriesOf = (option: ReturnType<typeof dailyOption>) => option.series as { id: string; type: string; data: unknown[]; stack?: string }[];

describe('durations', () => {
  it('picks a unit that keeps the longest duration readable', () => {
    expect(durationUnitFor([0.01, 0.5, null])).toBe('minutes');
    expect(durationUnitFor([0.5, 2])).toBe('hours');
    expect(durationUnitFor([10, 71.9])).toBe('hours');
    expect(durationUnitFor([10, 72])).toBe('days');
    expect(durationUnitFor([])).toBe('hours');
    expect(durationUnitFor([null, 0])).toBe('hours');
  });

  it('converts hours to the unit, to two decimals', () => {
    expect(inUnit(0.5, 'minutes')).toBe(30);
    expect(inUnit(1.23456, 'hours')).toBe(1.23);
    expect(inUnit(36, 'days')).toBe(1.5);
    expect(inUnit(null, 'hours')).toBeNull();
  });

  it('turns fractions into percentages', () => {
    expect(percent(0.12345)).toBe(12.3);
    expect(percent(1)).toBe(100);
    expect(percent(null)).toBeNull();
  });
});

describe('cases per day', () => {
  const rows = dailyRows([
    { day: '2026-03-01', online: 2, offline: 1, completed: 1, withdrawn: 0 },
    { day: '2026-03-02', online: 4, offline: 2, completed: 3, withdrawn: 1 },
    { day: '2026-03-03', online: 0, offline: 0, completed: 0, withdrawn: 0 },
  ]);

  it('adds the submitted total per day and sums the window', () => {
    expect(rows.map((row) => row.submitted)).toEqual([3, 6, 0]);
    expect(dailySummary(rows)).toEqual({ days: 3, submitted: 9, online: 6, offline: 3, completed: 4, withdrawn: 1, busiestDay: '2026-03-02', busiestCount: 6 });
    expect(dailySummary([])).toMatchObject({ days: 0, submitted: 0, busiestDay: null });
  });

  it('stacks the channels as bars with completed and withdrawn as lines', () => {
    const option = dailyOption(rows, { online: 'On', offline: 'Off', completed: 'Done', withdrawn: 'Back' });
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['03-01', '03-02', '03-03'] });
    expect(seriesOf(option).map(({ id, type, stack, data }) => ({ id, type, stack, data }))).toEqual([
      { id: 'online', type: 'bar', stack: 'submitted', data: [2, 4, 0] },
      { id: 'offline', type: 'bar', stack: 'submitted', data: [1, 2, 0] },
      { id: 'completed', type: 'line', stack: undefined, data: [1, 3, 0] },
      { id: 'withdrawn', type: 'line', stack: undefined, data: [0, 1, 0] },
    ]);
  });

  it('shortens only ISO days', () => {
    expect(shortDay('2026-12-31')).toBe('12-31');
    expect(shortDay('week 3')).toBe('week 3');
  });
});

describe('cases by status and channel', () => {
  it('breaks each status down by channel', () => {
    const stats = parseStats({ cases: { byStatusAndChannel: [{ status: 'in_progress', channel: 'online', count: 2 }, { status: 'in_progress', channel: 'offline', count: 1 }, { status: 'completed', channel: 'offline', count: 4 }] } });
    const rows = statusRows(stats.cases);
    expect(rows).toEqual([
      { status: 'in_progress', online: 2, offline: 1, total: 3 },
      { status: 'completed', online: 0, offline: 4, total: 4 },
      { status: 'withdrawn', online: 0, offline: 0, total: 0 },
    ]);
    const option = statusOption(rows, names, { online: 'On', offline: 'Off', total: 'All' });
    expect(option.xAxis).toMatchObject({ data: ['status:in_progress', 'status:completed', 'status:withdrawn'] });
    expect(seriesOf(option).map((series) => series.data)).toEqual([
      [2, 0, 0],
      [1, 4, 0],
    ]);
  });

  it('falls back to the totals by status without the breakdown', () => {
    const rows = statusRows(parseStats({ cases: { byStatus: { in_progress: 2, completed: 1, withdrawn: 0 } } }).cases);
    expect(rows[0]).toEqual({ status: 'in_progress', online: null, offline: null, total: 2 });
    expect(seriesOf(statusOption(rows, names, { online: 'On', offline: 'Off', total: 'All' })).map((series) => series.id)).toEqual(['total']);
  });
});

describe('decision time per item', () => {
  const items = [item({ item: 'WORK_PERMIT', decisionHours: { count: 4, median: 50, p90: 100 } }), item({ item: 'SOCIAL_INSURANCE', decisionHours: { count: 0, median: null, p90: null } }), item({ item: 'RESIDENCE_PERMIT', decisionHours: { count: 1, median: 80, p90: 80 } })];

  it('shows median and p90 in one unit for every item', () => {
    const unit = decisionUnit(items);
    expect(unit).toBe('days');
    const rows = decisionRows(items, unit);
    expect(rows).toEqual([
      { item: 'WORK_PERMIT', decisions: 4, median: 2.08, p90: 4.17 },
      { item: 'SOCIAL_INSURANCE', decisions: 0, median: null, p90: null },
      { item: 'RESIDENCE_PERMIT', decisions: 1, median: 3.33, p90: 3.33 },
    ]);
    expect(slowestDecision(rows)?.item).toBe('RESIDENCE_PERMIT');
    expect(slowestDecision(decisionRows([items[1]], unit))).toBeNull();
    const option = decisionOption(rows, names, { median: 'Median', p90: 'P90', unit: 'days' });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['name:WORK_PERMIT', 'name:SOCIAL_INSURANCE', 'name:RESIDENCE_PERMIT'] });
    expect(option.xAxis).toMatchObject({ type: 'value', name: 'days' });
    expect(seriesOf(option).map((series) => series.data)).toEqual([
      [2.08, null, 3.33],
      [4.17, null, 3.33],
    ]);
  });
});

describe('decision time per item in working days', () => {
  it('gives the service’s working days per item beside the hours, rounded, a missing figure as none', () => {
    const items = [
      item({ item: 'WORK_PERMIT', decisionHours: { count: 3, median: 480, p90: 480 }, decisionWorkingDays: { count: 3, median: 6, p90: 9.2, provisional: false } }),
      item({ item: 'SOCIAL_INSURANCE', decisionWorkingDays: { count: 0, median: null, p90: null, provisional: false } }),
      item({ item: 'RESIDENCE_PERMIT', decisionWorkingDays: { count: 1, median: 4.33333, p90: 4.33333, provisional: true } }),
    ];
    const rows = workingDayDecisionRows(items);
    expect(rows).toEqual([
      { item: 'WORK_PERMIT', decisions: 3, median: 6, p90: 9.2, provisional: false },
      { item: 'SOCIAL_INSURANCE', decisions: 0, median: null, p90: null, provisional: false },
      { item: 'RESIDENCE_PERMIT', decisions: 1, median: 4.33, p90: 4.33, provisional: true },
    ]);
    expect(slowestDecision(rows ?? [])?.item).toBe('WORK_PERMIT');
    const option = decisionOption(rows ?? [], names, { median: 'Median', p90: 'P90', unit: 'working days' });
    expect(option.xAxis).toMatchObject({ name: 'working days' });
    expect(seriesOf(option).map((series) => series.data)).toEqual([
      [6, null, 4.33],
      [9.2, null, 4.33],
    ]);
  });

  it('says nothing rather than zero when the service gives no working days', () => {
    expect(workingDayDecisionRows([item({ item: 'WORK_PERMIT', decisionHours: { count: 1, median: 5, p90: 5 } })])).toBeNull();
  });
});

describe('rates and reasons', () => {
  const items = [
    item({ item: 'WORK_PERMIT', total: 10, granted: 6, rejected: 2, supplementRate: 0.3, rejectionRate: 0.25, topRejectionReasons: [{ reason: 'salary', count: 2 }], topSupplementReasons: [{ reason: 'photo', count: 3 }], topRequestedMaterials: [{ reason: 'PHOTO', count: 3 }] }),
    item({ item: 'PROFESSIONAL_TITLE', total: 0, supplementRate: 0, rejectionRate: null }),
  ];

  it('gives percentages, null where nothing can be divided', () => {
    const rows = rateRows(items);
    expect(rows).toEqual([
      { item: 'WORK_PERMIT', total: 10, decided: 8, supplementPercent: 30, rejectionPercent: 25 },
      { item: 'PROFESSIONAL_TITLE', total: 0, decided: 0, supplementPercent: null, rejectionPercent: null },
    ]);
    expect(highest(rows, (row) => row.rejectionPercent)?.item).toBe('WORK_PERMIT');
    expect(highest(rows.slice(1), (row) => row.rejectionPercent)).toBeNull();
    const option = rateOption(rows, names, { supplement: 'S', rejection: 'R' });
    expect(option.xAxis).toMatchObject({ min: 0, max: 100 });
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['name:WORK_PERMIT', 'name:PROFESSIONAL_TITLE'] });
    expect(seriesOf(option).map((series) => series.data)).toEqual([
      [30, null],
      [25, null],
    ]);
  });

  it('lists every item’s top reasons by kind', () => {
    expect(reasonRows(items)).toEqual([
      { item: 'WORK_PERMIT', kind: 'rejection', reason: 'salary', count: 2 },
      { item: 'WORK_PERMIT', kind: 'supplement', reason: 'photo', count: 3 },
      { item: 'WORK_PERMIT', kind: 'material', reason: 'PHOTO', count: 3 },
    ]);
  });
});

describe('blocking points', () => {
  const points = [
    { step: 'case joint_review', item: null, state: 'joint_review', count: 0, medianHours: null, p90Hours: null, waitingNow: 2 },
    { step: 'WORK_PERMIT in_review', item: 'WORK_PERMIT', state: 'in_review', count: 3, medianHours: 2, p90Hours: 5, waitingNow: 1 },
    { step: 'RESIDENCE_PERMIT awaiting_supplement', item: 'RESIDENCE_PERMIT', state: 'awaiting_supplement', count: 1, medianHours: 30, p90Hours: 30, waitingNow: 0 },
    { step: 'SOCIAL_INSURANCE pending', item: 'SOCIAL_INSURANCE', state: 'pending', count: 0, medianHours: null, p90Hours: null, waitingNow: 5 },
  ];

  it('ranks the longest waits first, then the most waiting', () => {
    const unit = blockingUnit(points);
    expect(unit).toBe('hours');
    const rows = blockingRows(points, unit);
    expect(rows.map((row) => row.step)).toEqual(['RESIDENCE_PERMIT awaiting_supplement', 'WORK_PERMIT in_review', 'SOCIAL_INSURANCE pending', 'case joint_review']);
    expect(rows[0]).toEqual({ step: 'RESIDENCE_PERMIT awaiting_supplement', item: 'RESIDENCE_PERMIT', state: 'awaiting_supplement', finished: 1, waitingNow: 0, median: 30, p90: 30 });
  });

  it('names steps by item and state, the whole case for a joint review', () => {
    expect(stepName({ item: 'WORK_PERMIT', state: 'in_review' }, names, 'Case')).toBe('name:WORK_PERMIT · state:in_review');
    expect(stepName({ item: null, state: 'joint_review' }, names, 'Case')).toBe('Case · state:joint_review');
  });

  it('draws at most ten measured steps as horizontal bars, longest on top', () => {
    const many = Array.from({ length: 14 }, (_, index) => ({ step: `S${index}`, item: 'X', state: 'in_review', finished: 1, waitingNow: 0, median: 14 - index, p90: 20 }));
    const option = blockingOption(many, (row) => row.step, { median: 'M', p90: 'P', unit: 'h' });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect((option.yAxis as { data: string[] }).data).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9']);
    expect(option.xAxis).toMatchObject({ type: 'value', name: 'h' });
    const unmeasured = { step: 'open', item: 'X', state: 'pending', finished: 0, waitingNow: 4, median: null, p90: null };
    expect(blockingChartRows([unmeasured, ...many.slice(0, 2)]).map((row) => row.step)).toEqual(['S0', 'S1']);
  });

  it('sizes horizontal charts by their rows', () => {
    expect(barChartHeight(0)).toBe(200);
    expect(barChartHeight(5)).toBeGreaterThan(barChartHeight(2));
  });
});
