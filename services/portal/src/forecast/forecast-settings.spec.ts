import { getCatalogue } from '@work-permit/catalogue';
import { ForecastSettings, forecastSettingsOf } from './forecast-settings';

const catalogue = getCatalogue();

describe(ForecastSettings.name, () => {
  it('takes the catalogue’s parameters where nothing is set', () => {
    const settings = forecastSettingsOf({});
    expect(settings.minimumObservations(catalogue)).toBe(20);
    expect(settings.observationWindowMonths(catalogue)).toBe(12);
  });

  it('takes what the configuration sets', () => {
    const settings = forecastSettingsOf({ FORECAST_MIN_OBSERVATIONS: 3, FORECAST_OBSERVATION_MONTHS: 6 });
    expect(settings.minimumObservations(catalogue)).toBe(3);
    expect(settings.observationWindowMonths(catalogue)).toBe(6);
  });
});
