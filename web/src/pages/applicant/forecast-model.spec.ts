import type { ForecastView, ItemForecastView } from '../../api/types';
import { forecastTimeline } from './forecast-model';

const item = (code: string, earliestDate: string | null, latestDate: string | null, rest: Partial<ItemForecastView> = {}): ItemForecastView => ({
  code,
  name: code,
  action: 'issue',
  agency: 'approval',
  state: earliestDate ? 'forecast' : 'ended',
  earliestDate,
  expectedDate: latestDate,
  latestDate,
  dependsOn: [],
  onCriticalPath: false,
  basis: null,
  explanation: `${code} explained`,
  explanations: { zh: `${code} 说明`, en: `${code} explained` },
  shifts: [],
  ...rest,
});

// The work permit → residence permit case of 2026-09-28 (libs/catalogue's forecast spec): 61 days to 11-28.
const view: ForecastView = {
  submittedOn: '2026-09-28',
  today: '2026-09-28',
  earliestDate: '2026-09-28',
  expectedDate: '2026-10-10',
  latestDate: '2026-11-28',
  criticalPath: ['WORK_PERMIT', 'RESIDENCE_PERMIT'],
  provisional: false,
  notes: [],
  items: [
    item('WORK_PERMIT', '2026-09-28', '2026-11-13', {
      onCriticalPath: true,
      expectedDate: '2026-10-08',
      basis: {
        earliest: 'automatic',
        latest: 'statutory_limit',
        expected: 'observed',
        observedDecisions: 24,
        medianWorkingDays: 3,
        code: 'forecast.expected.observed',
        text: 'expected 2026-10-08: from the median of 24 recent decisions',
        texts: { zh: '预计2026-10-08：按近期已办结24件的实际用时中位数估算', en: 'expected 2026-10-08: from the median of 24 recent decisions' },
      },
    }),
    item('RESIDENCE_PERMIT', '2026-09-28', '2026-11-28', {
      onCriticalPath: true,
      shifts: [{ code: 'forecast.shift.supplement_pending', text: 'documents awaited', texts: { zh: '补正材料待提交', en: 'documents awaited' } }],
    }),
    item('SOCIAL_INSURANCE', null, null),
  ],
};

describe(forecastTimeline.name, () => {
  it('places each window on the span from submission to the case’s latest day', () => {
    const model = forecastTimeline(view, { WORK_PERMIT: '工作许可', RESIDENCE_PERMIT: '居留许可' });
    expect(model).toMatchObject({ from: '2026-09-28', to: '2026-11-28', criticalPath: ['工作许可', '居留许可'] });
    // 09-28 → 11-13 is 46 of 61 days: 75.4 %; the expected 10-08 is 10 days in: 16.4 %.
    expect(model.rows[0]).toMatchObject({
      name: '工作许可',
      onCriticalPath: true,
      expected: '2026-10-08',
      bar: { startPct: 0, widthPct: 75.4, expectedPct: 16.4 },
      basis: { expected: 'observed', text: 'expected 2026-10-08: from the median of 24 recent decisions' },
    });
    // Without an observed median the expected day is the latest: the mark at the window's end.
    expect(model.rows[1]).toMatchObject({ bar: { startPct: 0, widthPct: 100, expectedPct: 100 }, shifts: ['documents awaited'] });
    expect(model.rows[1].basis).toBeUndefined();
    expect(model.expected).toBe('2026-10-10');
  });

  it('draws no bar for an item that will not be decided, and a mark for a same-day decision', () => {
    const decided = forecastTimeline({ ...view, items: [item('WORK_PERMIT', '2026-11-28', '2026-11-28', { state: 'decided' }), view.items[2]] });
    expect(decided.rows[0].bar).toEqual({ startPct: 98.5, widthPct: 1.5, expectedPct: 100 });
    expect(decided.rows[1].bar).toBeUndefined();
    expect(decided.rows[1].name).toBe('SOCIAL_INSURANCE');
  });
});
