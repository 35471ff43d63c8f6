import { forecastCompletion, getCatalogue } from '@work-permit/catalogue';
import { toForecastView } from './forecast-view';

const catalogue = getCatalogue();
const forecast = forecastCompletion(catalogue, {
  selection: [
    { code: 'WORK_PERMIT', action: 'issue' },
    { code: 'RESIDENCE_PERMIT', action: 'issue' },
  ],
  submittedOn: '2026-09-28',
});

describe(toForecastView.name, () => {
  it('renders every text in the reader’s language with both beside it', () => {
    const view = toForecastView(catalogue, forecast, { lang: 'en' });
    expect(view).toMatchObject({ submittedOn: '2026-09-28', earliestDate: '2026-09-28', latestDate: '2026-11-28', criticalPath: ['WORK_PERMIT', 'RESIDENCE_PERMIT'] });
    const residence = view.items[1];
    expect(residence).toMatchObject({ code: 'RESIDENCE_PERMIT', name: 'Residence permit for foreigners', dependsOn: ['WORK_PERMIT'], onCriticalPath: true });
    expect(residence.explanation).toBe(residence.explanations.en);
    expect(residence.explanations.zh).toContain('最迟2026-11-28');
    expect(view).not.toHaveProperty('caseId');
  });

  it('says what the expected date rests on, in words in both languages beside the codes', () => {
    const observed = forecastCompletion(catalogue, { selection: [{ code: 'WORK_PERMIT', action: 'issue' }], submittedOn: '2026-09-28', observed: { WORK_PERMIT: { decisions: 24, medianWorkingDays: 3 } } });
    const view = toForecastView(catalogue, observed, { lang: 'zh' });
    expect(view).toMatchObject({ earliestDate: '2026-09-28', expectedDate: '2026-10-08', latestDate: '2026-11-13' });
    expect(view.items[0].basis).toEqual({
      earliest: 'automatic',
      latest: 'statutory_limit',
      expected: 'observed',
      observedDecisions: 24,
      medianWorkingDays: 3,
      code: 'forecast.expected.observed',
      text: '预计2026-10-08：按近期已办结24件的实际用时中位数3个工作日估算，不晚于最迟日期',
      texts: {
        zh: '预计2026-10-08：按近期已办结24件的实际用时中位数3个工作日估算，不晚于最迟日期',
        en: 'expected 2026-10-08: from the median of 24 recent decisions, 3 working days, never past the latest date',
      },
    });
    expect(view.items[0].basis).not.toHaveProperty('message');
  });

  it('shows an officer only its agency’s items, and of the critical path only those', () => {
    const view = toForecastView(catalogue, forecast, { lang: 'zh', caseId: 'c', statuses: new Map([['RESIDENCE_PERMIT', 'pending']]), visible: new Set(['RESIDENCE_PERMIT']) });
    expect(view.items.map((i) => [i.code, i.status, i.name])).toEqual([['RESIDENCE_PERMIT', 'pending', '外国人居留许可']]);
    expect(view.criticalPath).toEqual(['RESIDENCE_PERMIT']);
    expect(view.caseId).toBe('c');
  });
});
