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

  it('shows an officer only its agency’s items, and of the critical path only those', () => {
    const view = toForecastView(catalogue, forecast, { lang: 'zh', caseId: 'c', statuses: new Map([['RESIDENCE_PERMIT', 'pending']]), visible: new Set(['RESIDENCE_PERMIT']) });
    expect(view.items.map((i) => [i.code, i.status, i.name])).toEqual([['RESIDENCE_PERMIT', 'pending', '外国人居留许可']]);
    expect(view.criticalPath).toEqual(['RESIDENCE_PERMIT']);
    expect(view.caseId).toBe('c');
  });
});
